/**
 * TimestampConverter's representations (`string`, `unix`, `Date`, `Time`, `Timestamp`): how each
 * turns into an instant (a JS Date), which schema it has, and how an instant becomes it. Unix
 * values are Longs (`bigint`; a JS integer is accepted as one) in `unix.precision` units.
 */
import { ConnectDate, ConnectTime, ConnectTimestamp } from '#lib/data/connect-temporal';
import { javaClassName } from '#lib/data/java-class';
import { MILLIS_PER_DAY } from '#lib/data/logical-names';
import type { Schema } from '#lib/data/schema';
import { Schema as Schemas } from '#lib/data/schemas';
import { DataError } from '#lib/errors';
import type { SimpleDateFormat } from '../date-format/simple-date-format';

export type TimestampType = 'string' | 'unix' | 'Date' | 'Time' | 'Timestamp';
export type UnixPrecision = 'seconds' | 'milliseconds' | 'microseconds' | 'nanoseconds';

export interface TimestampSettings {
  readonly format: SimpleDateFormat | null;
  readonly unixPrecision: UnixPrecision;
}

export interface TimestampTranslator {
  toRaw(settings: TimestampSettings, original: unknown): Date;
  typeSchema(optional: boolean): Schema;
  toType(settings: TimestampSettings, instant: Date): unknown;
}

const OPTIONAL_DATE_SCHEMA = ConnectDate.builder().optional().build();
const OPTIONAL_TIME_SCHEMA = ConnectTime.builder().optional().build();
const OPTIONAL_TIMESTAMP_SCHEMA = ConnectTimestamp.builder().optional().build();
const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;

function requireDate(original: unknown, what: string): Date {
  if (!(original instanceof Date)) throw new DataError(`Expected ${what} to be a java.util.Date, but found class ${javaClassName(original)}`);
  return original;
}

/** `TimeUnit` multiplication saturates at the long range, as Java's does. */
function saturatedTimes(value: bigint, factor: bigint): bigint {
  const product = value * factor;
  return product > LONG_MAX ? LONG_MAX : product < LONG_MIN ? LONG_MIN : product;
}

export const TRANSLATORS: Readonly<Record<TimestampType, TimestampTranslator>> = {
  string: {
    toRaw(settings, original) {
      if (typeof original !== 'string') throw new DataError(`Expected string timestamp to be a String, but found class ${javaClassName(original)}`);
      if (settings.format === null) throw new DataError('TimestampConverter requires format option to be specified when using string timestamps');
      const parsed = settings.format.parse(original);
      if (parsed === null) throw new DataError(`Could not parse timestamp: value (${original}) does not match pattern (${settings.format.toPattern()})`);
      return parsed;
    },
    typeSchema: (optional) => (optional ? Schemas.OPTIONAL_STRING_SCHEMA : Schemas.STRING_SCHEMA),
    toType(settings, instant) {
      if (settings.format === null) throw new DataError('TimestampConverter requires format option to be specified when using string timestamps');
      return settings.format.format(instant);
    },
  },
  unix: {
    toRaw(settings, original) {
      const isLong = typeof original === 'bigint' || (typeof original === 'number' && Number.isSafeInteger(original));
      if (!isLong) throw new DataError(`Expected Unix timestamp to be a Long, but found class ${javaClassName(original)}`);
      const unixTime = BigInt(original as bigint | number);
      const millis =
        settings.unixPrecision === 'seconds' ? saturatedTimes(unixTime, 1000n)
        : settings.unixPrecision === 'microseconds' ? unixTime / 1000n
        : settings.unixPrecision === 'nanoseconds' ? unixTime / 1_000_000n
        : unixTime;
      return ConnectTimestamp.toLogical(ConnectTimestamp.SCHEMA, millis);
    },
    typeSchema: (optional) => (optional ? Schemas.OPTIONAL_INT64_SCHEMA : Schemas.INT64_SCHEMA),
    toType(settings, instant) {
      const millis = ConnectTimestamp.fromLogical(ConnectTimestamp.SCHEMA, instant);
      if (settings.unixPrecision === 'seconds') return millis / 1000n;
      if (settings.unixPrecision === 'microseconds') return saturatedTimes(millis, 1000n);
      if (settings.unixPrecision === 'nanoseconds') return saturatedTimes(millis, 1_000_000n);
      return millis;
    },
  },
  Date: {
    toRaw: (_settings, original) => requireDate(original, 'Date'),
    typeSchema: (optional) => (optional ? OPTIONAL_DATE_SCHEMA : ConnectDate.SCHEMA),
    toType: (_settings, instant) => new Date(Math.floor(instant.getTime() / MILLIS_PER_DAY) * MILLIS_PER_DAY),
  },
  Time: {
    toRaw: (_settings, original) => requireDate(original, 'Time'),
    typeSchema: (optional) => (optional ? OPTIONAL_TIME_SCHEMA : ConnectTime.SCHEMA),
    toType: (_settings, instant) => new Date(((instant.getTime() % MILLIS_PER_DAY) + MILLIS_PER_DAY) % MILLIS_PER_DAY),
  },
  Timestamp: {
    toRaw: (_settings, original) => requireDate(original, 'Timestamp'),
    typeSchema: (optional) => (optional ? OPTIONAL_TIMESTAMP_SCHEMA : ConnectTimestamp.SCHEMA),
    toType: (_settings, instant) => instant,
  },
};
