import { describe, expect, it } from 'vitest';
import { retriesWithin } from '#lib/kafka/delivery-timeout';

describe('retriesWithin', () => {
  it("counts the retries whose shortest kafkajs backoff fits into the delivery timeout", () => {
    // 240, 480, 960, 1920, 3840 ms = 7440 ms; the sixth (7680 ms) would pass 10 s.
    expect(retriesWithin(10_000)).toBe(5);
    // Doubling from 300 ms, then 30 s steps (24 s at their shortest) from the eighth on: 102 480 ms after ten.
    expect(retriesWithin(120_000)).toBe(10);
  });

  it('follows retry.backoff.ms and retry.backoff.max.ms', () => {
    expect(retriesWithin(1_000, 100, 100)).toBe(12);
  });

  it('always allows one retry', () => {
    expect(retriesWithin(0)).toBe(1);
  });
});
