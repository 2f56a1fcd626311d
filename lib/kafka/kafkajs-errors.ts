/**
 * kafkajs errors → KafkaClientError. `retriable` comes from kafkajs's own flag, except that running
 * out of retries and losing the connection are always retriable for us: kafkajs marks
 * KafkaJSNumberOfRetriesExceeded non-retriable because *it* gave up, while our runner may well try
 * the whole batch again later. Errors are recognised by `name`, so no kafkajs class is imported.
 */
import { ConnectError } from '#lib/errors';
import { KafkaClientError } from './errors';

const ALWAYS_RETRIABLE = new Set([
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSLockTimeout',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSGroupCoordinatorNotFound',
]);

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly retriable?: unknown;
  readonly type?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
}

/** Translates anything kafkajs threw; a ConnectError passes through unchanged. */
export function fromKafkajsError(err: unknown, action: string): ConnectError {
  if (err instanceof ConnectError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : String(err);
  return new KafkaClientError(`${action} failed: ${message}`, { retriable: isRetriable(name, e), reason: reasonOf(name, e), cause: err });
}

function isRetriable(name: string, e: ErrorLike): boolean {
  if (ALWAYS_RETRIABLE.has(name)) return true;
  const nested = Array.isArray(e.errors) ? (e.errors as ErrorLike[]) : [];
  if (nested.length > 0) return nested.every((inner) => inner.retriable === true);
  return name.startsWith('KafkaJS') && e.retriable === true;
}

/** The broker's error type when there is one (also under a retry wrapper), else the error's name. */
function reasonOf(name: string, e: ErrorLike): string {
  const first = Array.isArray(e.errors) ? (e.errors[0] as ErrorLike | undefined) : undefined;
  const cause = typeof e.cause === 'object' && e.cause !== null ? (e.cause as ErrorLike) : undefined;
  for (const candidate of [e.type, first?.type, cause?.type]) if (typeof candidate === 'string') return candidate;
  return name;
}
