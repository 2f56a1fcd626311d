/**
 * Turns AWS SDK failures into the domain errors of `lib/errors.ts`, so no SDK type escapes the adapter.
 * Conditional-check failures are left to the caller, which knows what the condition meant.
 */
import { ConnectError, InternalError, StoreUnavailableError } from '#lib/errors';
import { recordTooLarge } from '#lib/store/store-errors';

/** Error names DynamoDB (or the SDK) uses for conditions worth retrying later. */
const RETRIABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** Node socket errors that mean the endpoint could not be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
  Item?: unknown;
}

export function errorName(err: unknown): string | undefined {
  const name = (err as SdkErrorShape | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

export function isConditionalCheckFailed(err: unknown): boolean {
  return errorName(err) === 'ConditionalCheckFailedException';
}

/** With ReturnValuesOnConditionCheckFailure=ALL_OLD, DynamoDB returns the item that failed the condition.
 *  undefined = not reported (dynalite ignores the parameter, and an absent item reports nothing). */
export function conditionFailureItem(err: unknown): unknown {
  return (err as SdkErrorShape | null)?.Item;
}

export function translateDynamoDbError(err: unknown, action: string): ConnectError {
  if (err instanceof ConnectError) return err;
  const shape = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorShape;
  const name = errorName(err) ?? 'Error';
  const message = typeof shape.message === 'string' ? shape.message : String(err);
  if (isRetriable(shape, name)) {
    return new StoreUnavailableError(`State store unavailable while ${action}: ${message}`, { cause: err });
  }
  if (name === 'ResourceNotFoundException') {
    return new StoreUnavailableError(`State table not found while ${action}: ${message}`, { cause: err });
  }
  if (name === 'ValidationException' && /item size/i.test(message)) {
    return recordTooLarge(action, err);
  }
  return new InternalError(`State store rejected ${action}: ${name}: ${message}`, { cause: err });
}

function isRetriable(shape: SdkErrorShape, name: string): boolean {
  if (RETRIABLE_NAMES.has(name) || shape.$retryable !== undefined) return true;
  if (typeof shape.code === 'string' && NETWORK_CODES.has(shape.code)) return true;
  return (shape.$metadata?.httpStatusCode ?? 0) >= 500;
}
