import { describe, expect, it } from 'vitest';
import { backoffDelay } from '#lib/runtime/errors/backoff';

describe('backoffDelay', () => {
  it('doubles from 300 ms per attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, 60_000, 0, Infinity, () => 0))).toEqual([300, 600, 1200, 2400]);
  });

  it('picks a random delay below the maximum once doubling passes it', () => {
    expect(backoffDelay(5, 1_000, 0, Infinity, () => 0.25)).toBe(250);
  });

  it('never sleeps past the deadline', () => {
    expect(backoffDelay(3, 60_000, 900, 1_000, () => 0)).toBe(100);
    expect(backoffDelay(3, 60_000, 1_200, 1_000, () => 0)).toBe(0);
  });

  it('does not overflow for very many attempts', () => {
    expect(backoffDelay(80, 60_000, 0, Infinity, () => 0.5)).toBe(30_000);
  });
});
