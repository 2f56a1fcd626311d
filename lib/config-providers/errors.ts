/**
 * What providers throw. Messages name the provider, path or secret id and never a resolved value:
 * they end up in task status traces and logs.
 */
import { InvalidConfigError, RetriableError, type ConnectErrorOptions } from '#lib/errors';

/** Kafka's `ConfigException` from a provider: the reference cannot be resolved as written. */
export class ConfigProviderError extends InvalidConfigError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super(message, options);
  }
}

/** The secret store could not be reached or throttled us: worth retrying (the task's retriable failure). */
export class ConfigProviderUnavailableError extends RetriableError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super(message, options);
  }
}
