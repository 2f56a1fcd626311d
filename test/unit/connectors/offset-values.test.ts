import { describe, expect, it } from 'vitest';
import { offsetLong, toOffsetLong } from '#lib/connectors/offset-values';

describe('offset Long values', () => {
  it('reads integer numbers and bigints as Longs, and nothing else', () => {
    expect([offsetLong(5), offsetLong(2n ** 60n), offsetLong(1.5), offsetLong('5'), offsetLong(null)]).toEqual([5n, 2n ** 60n, undefined, undefined, undefined]);
  });

  it('writes numbers while exact and bigints beyond 2^53', () => {
    expect([toOffsetLong(42n), toOffsetLong(2n ** 53n + 1n)]).toEqual([42, 2n ** 53n + 1n]);
  });
});
