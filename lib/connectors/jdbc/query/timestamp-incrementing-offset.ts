/**
 * Confluent's TimestampIncrementingOffset: the position of an incremental query, stored as
 * `{"incrementing": <long>}` and/or `{"timestamp": <epoch ms>, "timestamp_nanos": <nanos of the
 * second>}` (java.sql.Timestamp's getTime() and getNanos()). Timestamps are kept as epoch
 * microseconds in the legacy calendar, which is what Confluent compares and stores.
 */
import { InternalError } from '#lib/errors';
import { offsetLong, toOffsetLong } from '../../offset-values';
import { microsToMillis } from '../temporal/jdbc-temporal';

export const INCREMENTING_FIELD = 'incrementing';
export const TIMESTAMP_FIELD = 'timestamp';
export const TIMESTAMP_NANOS_FIELD = 'timestamp_nanos';

export class TimestampIncrementingOffset {
  static readonly EMPTY = new TimestampIncrementingOffset(null, null);

  constructor(
    readonly timestampMicros: bigint | null,
    readonly incrementing: bigint | null,
  ) {}

  /** -1 when there is none, so `> -1` starts at the beginning (as Confluent). */
  get incrementingOffset(): bigint {
    return this.incrementing ?? -1n;
  }

  /** The epoch when there is none. */
  get timestampOffsetMicros(): bigint {
    return this.timestampMicros ?? 0n;
  }

  toMap(): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    if (this.incrementing !== null) map[INCREMENTING_FIELD] = toOffsetLong(this.incrementing);
    if (this.timestampMicros !== null) {
      const millis = microsToMillis(this.timestampMicros);
      const seconds = Math.floor(millis / 1000);
      map[TIMESTAMP_FIELD] = millis;
      map[TIMESTAMP_NANOS_FIELD] = Number(this.timestampMicros - BigInt(seconds) * 1_000_000n) * 1000;
    }
    return map;
  }

  static fromMap(map: Readonly<Record<string, unknown>> | null | undefined): TimestampIncrementingOffset {
    if (!map || Object.keys(map).length === 0) return TimestampIncrementingOffset.EMPTY;
    const incrementing = long(map, INCREMENTING_FIELD);
    const millis = long(map, TIMESTAMP_FIELD);
    if (millis === null) return new TimestampIncrementingOffset(null, incrementing);
    const nanos = long(map, TIMESTAMP_NANOS_FIELD);
    const seconds = floorDiv(millis, 1000n);
    const fraction = nanos === null ? (millis - seconds * 1000n) * 1000n : nanos / 1000n;
    return new TimestampIncrementingOffset(seconds * 1_000_000n + fraction, incrementing);
  }
}

function long(map: Readonly<Record<string, unknown>>, field: string): bigint | null {
  const value = map[field];
  if (value === undefined || value === null) return null;
  const parsed = offsetLong(value);
  if (parsed === undefined) throw new InternalError(`The stored source offset field '${field}' is not a Long: ${String(value)}`);
  return parsed;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
