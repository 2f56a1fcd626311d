/**
 * Optimistic concurrency for read-modify-write operations on a connector: the operation reads the
 * connector, computes the new state and writes it conditionally on the version it read. When
 * another writer got there first (ConflictError), it starts over from a fresh read, so no update
 * is lost. After too many lost races the ConflictError reaches the caller as a 409, as Kafka
 * answers when a concurrent config change is in the way.
 */
import { ConflictError } from '#lib/errors';

const DEFAULT_MAX_ATTEMPTS = 100;

export async function retryOnConflict<T>(attempt: () => Promise<T>, maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ConflictError) || n >= maxAttempts) throw err;
      await sleep(Math.random() * Math.min(50, 2 ** n));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Raised inside an attempt to make retryOnConflict start over. */
export function lostRace(message = 'Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change)'): ConflictError {
  return new ConflictError(message);
}
