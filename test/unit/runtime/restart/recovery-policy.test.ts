import { describe, expect, it } from 'vitest';
import { DEFAULT_RECOVERY_POLICY, recoveryBackoffMs, recoveryPolicy } from '#lib/runtime/restart/recovery-policy';

describe('recoveryPolicy', () => {
  it('restarts retriable failures by default', () => {
    expect(recoveryPolicy({})).toEqual(DEFAULT_RECOVERY_POLICY);
  });

  it('reads the four restart.* keys', () => {
    const config = { 'restart.policy': 'NONE', 'restart.max.attempts': '3', 'restart.backoff.initial.ms': '500', 'restart.backoff.max.ms': '4000' };

    expect(recoveryPolicy(config)).toEqual({ policy: 'none', maxAttempts: 3, initialBackoffMs: 500, maxBackoffMs: 4000 });
  });

  it('falls back to the defaults for values that do not parse', () => {
    expect(recoveryPolicy({ 'restart.max.attempts': 'many', 'restart.backoff.initial.ms': '-1' })).toMatchObject({ maxAttempts: 10, initialBackoffMs: 1000 });
  });

  it('never lets the maximum backoff fall below the initial one', () => {
    expect(recoveryPolicy({ 'restart.backoff.initial.ms': '5000', 'restart.backoff.max.ms': '100' }).maxBackoffMs).toBe(5000);
  });
});

describe('recoveryBackoffMs', () => {
  const policy = { ...DEFAULT_RECOVERY_POLICY, initialBackoffMs: 1000, maxBackoffMs: 10_000 };

  it('doubles per attempt up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => recoveryBackoffMs(policy, n, () => 1))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('jitters within the upper half of the step', () => {
    expect(recoveryBackoffMs(policy, 3, () => 0)).toBe(2000);
    expect(recoveryBackoffMs(policy, 3, () => 0.5)).toBe(3000);
  });
});
