/**
 * Column text → Connect value, matching what pgjdbc's getters return for Confluent's converters
 * (getBoolean, getShort/getInt/getLong on any numeric text with truncation and range checks,
 * getBigDecimal(col, scale), getBytes, getDate/getTime/getTimestamp with calendars).
 */
import { BigDecimal, pow10 } from '#lib/data/big-decimal';
import { DataError } from '#lib/errors';
import type { TimestampGranularity } from '../config/config-keys';
import { civilFromDays, type CalendarSystem } from '../temporal/civil-calendar';
import { offsetSecondsAt, type JavaZone } from '../temporal/java-zone';
import { connectDate, dateMillis, microsToMillis, timeMillis, timestampMicros } from '../temporal/jdbc-temporal';
import { parseDateText, parseTimeText, parseTimestampText } from '../temporal/pg-datetime-text';

export type ValueReader = (text: string) => unknown;

export const readString: ValueReader = (text) => text;
export const readBoolean: ValueReader = (text) => text === 't' || text === 'true' || text === '1';
export const readFloat64: ValueReader = (text) => Number(text);
export const readFloat32: ValueReader = (text) => Math.fround(Number(text));
export const readInt64: ValueReader = (text) => BigInt(text);
export const readSmallInt: ValueReader = (text) => Number(text);

/** bytea in hex output form (`\x…`). */
export const readBytes: ValueReader = (text) => Buffer.from(text.startsWith('\\x') ? text.slice(2) : text, 'hex');

/** money: pgjdbc's getDouble drops the currency symbol and group separators; `(…)` is negative. */
export const readMoney: ValueReader = (text) => {
  const negative = text.startsWith('-') || text.startsWith('(');
  const digits = text.replace(/[^0-9.]/g, '');
  return (negative ? -1 : 1) * Number(digits);
};

const INTEGRAL_BITS = { INT8: 8, INT16: 16, INT32: 32, INT64: 64 } as const;
const JAVA_TYPE = { INT8: 'byte', INT16: 'short', INT32: 'int', INT64: 'long' } as const;

/** getByte/getShort/getInt/getLong of a numeric: the fraction is dropped, out of range fails. */
export function integralReader(type: keyof typeof INTEGRAL_BITS): ValueReader {
  const bits = BigInt(INTEGRAL_BITS[type]);
  const [min, max] = [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
  return (text) => {
    const decimal = parseDecimal(text);
    const whole = decimal.scale <= 0 ? decimal.unscaled * pow10(-decimal.scale) : decimal.scale >= decimal.precision() ? 0n : decimal.unscaled / pow10(decimal.scale);
    if (whole < min || whole > max) throw new DataError(`Bad value for type ${JAVA_TYPE[type]} : ${text}`);
    return type === 'INT64' ? whole : Number(whole);
  };
}

/** getBigDecimal(col, scale): the value at the schema's scale; a value that would need rounding fails. */
export function decimalReader(scale: number): ValueReader {
  return (text) => {
    const value = parseDecimal(text);
    if (value.scale === scale) return value;
    if (value.scale < scale) return new BigDecimal(value.unscaled * pow10(scale - value.scale), scale);
    if (value.unscaled === 0n) return new BigDecimal(0n, scale);
    if (value.scale - scale >= value.precision()) throw new DataError(`Bad value for type BigDecimal : ${text} (more than ${scale} decimal places)`);
    const factor = pow10(value.scale - scale);
    if (value.unscaled % factor !== 0n) throw new DataError(`Bad value for type BigDecimal : ${text} (more than ${scale} decimal places)`);
    return new BigDecimal(value.unscaled / factor, scale);
  };
}

function parseDecimal(text: string): BigDecimal {
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') throw new DataError(`Bad value for type BigDecimal : ${text}`);
  return BigDecimal.parse(text);
}

export function dateReader(calendar: CalendarSystem): ValueReader {
  return (text) => connectDate(dateMillis(parseDateText(text), calendar));
}

export function timeReader(zone: JavaZone): ValueReader {
  return (text) => connectDate(timeMillis(parseTimeText(text), zone));
}

/** A timestamp/timestamptz column in the configured `timestamp.granularity`. */
export function timestampReader(granularity: TimestampGranularity, zone: JavaZone, calendar: CalendarSystem): ValueReader {
  const micros = (text: string): bigint => timestampMicros(parseTimestampText(text), zone, calendar);
  switch (granularity) {
    case 'connect_logical':
      return (text) => connectDate(microsToMillis(micros(text)));
    case 'micros_long':
      return micros;
    case 'micros_string':
      return (text) => micros(text).toString();
    case 'nanos_long':
      return (text) => micros(text) * 1000n;
    case 'nanos_string':
      return (text) => (micros(text) * 1000n).toString();
    case 'micros_iso_datetime_string':
      return (text) => isoDateTime(micros(text), zone, 6);
    case 'nanos_iso_datetime_string':
      return (text) => isoDateTime(micros(text), zone, 9);
  }
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSSSSS[SSS]` of the instant in the zone (java.time, proleptic). */
function isoDateTime(micros: bigint, zone: JavaZone, digits: 6 | 9): string {
  const millis = microsToMillis(micros);
  const local = millis + offsetSecondsAt(zone, millis) * 1000;
  const days = Math.floor(local / 86_400_000);
  const date = civilFromDays(days, 'PROLEPTIC_GREGORIAN');
  const timeMicros = (local - days * 86_400_000) * 1000 + Number(micros - BigInt(millis) * 1000n);
  const seconds = Math.floor(timeMicros / 1_000_000);
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const fraction = pad(timeMicros % 1_000_000, 6).padEnd(digits, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}T${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${fraction}`;
}
