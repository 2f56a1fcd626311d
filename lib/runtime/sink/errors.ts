/** Why a sink batch was refused: thrown so that the ESM commits nothing and delivers the batch again. */
import { ConnectError } from '#lib/errors';

/**
 * The batch cannot be handled now (connector paused, stopped, deleted, task FAILED, unknown alias).
 * Not processing it and failing the invocation keeps it: a resumed or restarted connector gets it
 * again, and a deleted one leaves its group's offsets where Kafka Connect would.
 */
export class SinkBatchRefusedError extends ConnectError {
  constructor(message: string) {
    super('CONFLICT', message, { retriable: true });
  }
}
