/**
 * Errors of the Kafka adapters. A kafkajs failure becomes a KafkaClientError: a ConnectError whose
 * `retriable` says whether sending (or asking) again may succeed, and whose `reason` names what
 * failed (kafkajs's error name, or the broker's error type such as `MESSAGE_TOO_LARGE`).
 */
import { ConnectError } from '#lib/errors';

export interface KafkaClientErrorOptions {
  retriable: boolean;
  reason: string;
  cause?: unknown;
}

export class KafkaClientError extends ConnectError {
  readonly reason: string;

  constructor(message: string, options: KafkaClientErrorOptions) {
    super(options.retriable ? 'RETRIABLE' : 'INTERNAL', message, { retriable: options.retriable, cause: options.cause });
    this.reason = options.reason;
  }
}
