/**
 * The domain errors every store adapter raises, built in one place so that the memory and DynamoDB
 * adapters produce identical messages (the connector ones are Kafka Connect's own wording).
 */
import { AlreadyExistsError, ConflictError, ConnectError, NotFoundError } from '#lib/errors';

/** DynamoDB's item limit; the memory adapter enforces the same bound on connector records. */
export const MAX_ITEM_BYTES = 400 * 1024;

export function connectorAlreadyExists(name: string, cause?: unknown): AlreadyExistsError {
  return new AlreadyExistsError(`Connector ${name} already exists`, { cause });
}

export function connectorNotFound(name: string, cause?: unknown): NotFoundError {
  return new NotFoundError(`Connector ${name} not found`, { cause });
}

/** Kafka's own 409 text for a request that lost a race with a concurrent config change. */
export function connectorVersionConflict(name: string, expectedVersion: number, cause?: unknown): ConflictError {
  return new ConflictError(
    'Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change)',
    { cause: cause ?? new Error(`Connector ${name} is no longer at version ${expectedVersion}`) },
  );
}

/** A record larger than one item can hold (a huge config or many large task configs). `action` reads
 *  like "creating connector x", as in the adapters' other messages. */
export function recordTooLarge(action: string, cause?: unknown): ConnectError {
  return new ConnectError('PAYLOAD_TOO_LARGE', `State record too large while ${action}: items are limited to ${MAX_ITEM_BYTES / 1024} KB`, {
    cause,
  });
}
