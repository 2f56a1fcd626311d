import { describe, expect, it } from 'vitest';
import { TimestampIncrementingOffset } from '#lib/connectors/jdbc/query/timestamp-incrementing-offset';

describe('TimestampIncrementingOffset', () => {
  it('stores milliseconds and the nanos of the second, as java.sql.Timestamp does', () => {
    expect(new TimestampIncrementingOffset(1_704_067_201_234_567n, 7n).toMap()).toEqual({ timestamp: 1704067201234, timestamp_nanos: 234567000, incrementing: 7 });
  });

  it('handles instants before the epoch', () => {
    const offset = new TimestampIncrementingOffset(-1_500_001n, null);
    expect(offset.toMap()).toEqual({ timestamp: -1501, timestamp_nanos: 499999000 });
    expect(TimestampIncrementingOffset.fromMap(offset.toMap()).timestampMicros).toBe(-1_500_001n);
  });

  it('round-trips through its map, keeping incrementing values beyond 2^53 as bigints', () => {
    const offset = new TimestampIncrementingOffset(1_000_001n, 2n ** 60n);
    expect(TimestampIncrementingOffset.fromMap(offset.toMap())).toEqual(offset);
    expect(offset.toMap().incrementing).toBe(2n ** 60n);
  });

  it('reads a timestamp without nanos (timestamp.initial) as whole milliseconds', () => {
    expect(TimestampIncrementingOffset.fromMap({ timestamp: 1500 }).timestampMicros).toBe(1_500_000n);
  });

  it('starts from incrementing -1 and the epoch when there is no offset', () => {
    const empty = TimestampIncrementingOffset.fromMap(null);
    expect([empty.incrementingOffset, empty.timestampOffsetMicros, empty.toMap()]).toEqual([-1n, 0n, {}]);
  });

  it('rejects offset fields that are not Longs', () => {
    expect(() => TimestampIncrementingOffset.fromMap({ incrementing: 'x' })).toThrow("The stored source offset field 'incrementing' is not a Long: x");
  });
});
