import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '#lib/errors';
import { lostRace, retryOnConflict } from '#lib/herder/write-retries';

/** An attempt that fails with the given errors, one per call, then returns 'done'. */
function failingWith(...errors: Error[]) {
  let calls = 0;
  const attempt = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return 'done';
  };
  return { attempt, calls: () => calls };
}

describe('retryOnConflict', () => {
  it('starts over after a lost race and returns the result of the attempt that won', async () => {
    const { attempt, calls } = failingWith(new ConflictError('a'), new ConflictError('b'));

    expect(await retryOnConflict(attempt)).toBe('done');
    expect(calls()).toBe(3);
  });

  it('passes on any other error at once', async () => {
    const { attempt, calls } = failingWith(new NotFoundError('gone'));

    await expect(retryOnConflict(attempt)).rejects.toThrow('gone');
    expect(calls()).toBe(1);
  });

  it('gives up with the ConflictError after the allowed attempts', async () => {
    const { attempt, calls } = failingWith(new ConflictError('1'), new ConflictError('2'), new ConflictError('3'));

    await expect(retryOnConflict(attempt, 2)).rejects.toThrow(new ConflictError('2'));
    expect(calls()).toBe(2);
  });
});

describe('lostRace', () => {
  it('is a retriable ConflictError with Kafka’s stale-configuration message', () => {
    const error = lostRace();

    expect(error).toBeInstanceOf(ConflictError);
    expect(error.retriable).toBe(true);
    expect(error.message).toBe('Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change)');
  });
});
