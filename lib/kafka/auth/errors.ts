/**
 * Errors of Kafka authentication: bad settings or secrets (not retriable: a deployment must change)
 * and unreachable credential sources (retriable).
 */
import { ConnectError, type ConnectErrorOptions } from '#lib/errors';

export class KafkaAuthError extends ConnectError {
  constructor(message: string, options: ConnectErrorOptions = {}) {
    super(options.retriable === true ? 'RETRIABLE' : 'INTERNAL', message, options);
  }
}
