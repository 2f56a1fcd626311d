/**
 * How pgjdbc, as Confluent's connector calls it, turns date/time column text into instants:
 * `getTimestamp(col, Calendar(db.timezone))` reads a `timestamp` wall clock in `db.timezone` and a
 * `timestamptz` at its own offset; `getDate(col, Calendar(UTC))` gives UTC midnight;
 * `getTime(col, Calendar(db.timezone))` gives that wall clock on 1970-01-01. Calendar fields are
 * read in `date.calendar.system` (see civil-calendar.ts). Instants are epoch microseconds (bigint),
 * Connect values epoch milliseconds.
 */
import { DataError } from '#lib/errors';
import { civilFromDays, daysFromCivil, type CalendarSystem } from './civil-calendar';
import { localToEpochMillis, offsetSecondsAt, type JavaZone } from './java-zone';
import { formatTimestampText, type DateTimeFields } from './pg-datetime-text';

const MILLIS_PER_DAY = 86_400_000;
const MAX_DATE_MILLIS = 8.64e15;

/** Epoch microseconds of timestamp/timestamptz fields. */
export function timestampMicros(fields: DateTimeFields, zone: JavaZone, calendar: CalendarSystem): bigint {
  const localMillis = daysFromCivil(fields, calendar) * MILLIS_PER_DAY + Math.floor(fields.timeMicros / 1000);
  const epochMillis = fields.offsetSeconds === null ? localToEpochMillis(zone, localMillis) : localMillis - fields.offsetSeconds * 1000;
  return BigInt(epochMillis) * 1000n + BigInt(fields.timeMicros % 1000);
}

/** Epoch milliseconds of a time/timetz (Connect Time values are milliseconds since midnight UTC). */
export function timeMillis(fields: DateTimeFields, zone: JavaZone): number {
  const localMillis = Math.floor(fields.timeMicros / 1000);
  return fields.offsetSeconds === null ? localToEpochMillis(zone, localMillis) : localMillis - fields.offsetSeconds * 1000;
}

/** Epoch milliseconds of UTC midnight of a date. */
export function dateMillis(fields: { year: number; month: number; day: number }, calendar: CalendarSystem): number {
  return daysFromCivil(fields, calendar) * MILLIS_PER_DAY;
}

/** Floor of micros / 1000 (java.sql.Timestamp.getTime()). */
export function microsToMillis(micros: bigint): number {
  const millis = micros / 1000n;
  return Number(micros < 0n && millis * 1000n !== micros ? millis - 1n : millis);
}

/** A JS Date for Connect's Date/Time/Timestamp values; out-of-range instants are a DataError. */
export function connectDate(epochMillis: number): Date {
  if (!(Math.abs(epochMillis) <= MAX_DATE_MILLIS)) throw new DataError(`The instant ${epochMillis} ms since the epoch is outside the range of Kafka Connect values supported here`);
  return new Date(epochMillis);
}

/** timestampParam of an instant in milliseconds, without bigint arithmetic (the sink's hot path). */
export function timestampMillisParam(millis: number, zone: JavaZone, calendar: CalendarSystem = 'LEGACY'): string {
  const offset = offsetSecondsAt(zone, millis);
  const localMillis = millis + offset * 1000;
  const days = Math.floor(localMillis / MILLIS_PER_DAY);
  return formatTimestampText(civilFromDays(days, calendar), (localMillis - days * MILLIS_PER_DAY) * 1000, offset);
}

/**
 * The parameter text of an instant as a wall clock in the zone with its offset, like pgjdbc's
 * setTimestamp(i, ts, cal): calendar fields in the legacy hybrid calendar by default (what a
 * java.sql.Timestamp gives), or proleptic Gregorian (Confluent's `date.calendar.system`
 * conversion, which makes pgjdbc send the java.time fields).
 */
export function timestampParam(micros: bigint, zone: JavaZone, calendar: CalendarSystem = 'LEGACY'): string {
  const millis = microsToMillis(micros);
  const offset = offsetSecondsAt(zone, millis);
  const localMillis = millis + offset * 1000;
  const days = Math.floor(localMillis / MILLIS_PER_DAY);
  const timeMicros = (localMillis - days * MILLIS_PER_DAY) * 1000 + Number(micros - BigInt(millis) * 1000n);
  return formatTimestampText(civilFromDays(days, calendar), timeMicros, offset);
}
