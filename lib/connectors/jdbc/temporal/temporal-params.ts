/**
 * Parameter texts of Connect Date and Time values as pgjdbc sends them for Confluent's sink:
 * `setDate(i, date, cal)` gives the calendar date of the instant in the zone (in the chosen
 * calendar system, see jdbc-temporal.ts), `setTime(i, time, cal)` the wall clock of the instant in
 * the zone with the zone's offset. Also the literals of DDL defaults (java.time formats:
 * `yyyy-MM-dd`, `HH:mm:ss.SSS`, `yyyy-MM-dd HH:mm:ss.SSS`, proleptic).
 */
import { civilFromDays, type CalendarSystem, type CivilDate } from './civil-calendar';
import { offsetSecondsAt, type JavaZone } from './java-zone';

const MILLIS_PER_DAY = 86_400_000;

interface LocalParts {
  date: CivilDate;
  millisOfDay: number;
  offsetSeconds: number;
}

function localParts(epochMillis: number, zone: JavaZone, calendar: CalendarSystem): LocalParts {
  const offsetSeconds = offsetSecondsAt(zone, epochMillis);
  const local = epochMillis + offsetSeconds * 1000;
  const days = Math.floor(local / MILLIS_PER_DAY);
  return { date: civilFromDays(days, calendar), millisOfDay: local - days * MILLIS_PER_DAY, offsetSeconds };
}

/** `YYYY-MM-DD`, with ` BC` for years before 1 (as PostgreSQL reads them). */
export function dateParam(epochMillis: number, zone: JavaZone, calendar: CalendarSystem = 'LEGACY'): string {
  const { date } = localParts(epochMillis, zone, calendar);
  const bc = date.year <= 0;
  return `${pad(bc ? 1 - date.year : date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}${bc ? ' BC' : ''}`;
}

/** `HH:MM:SS.mmm±HH:MM` (a `time` column ignores the offset, a `timetz` keeps it). */
export function timeParam(epochMillis: number, zone: JavaZone): string {
  const { millisOfDay, offsetSeconds } = localParts(epochMillis, zone, 'PROLEPTIC_GREGORIAN');
  return `${clock(millisOfDay)}${offset(offsetSeconds)}`;
}

/** DDL default literals (unquoted), as Confluent's DateTimeUtils formats them. */
export function dateLiteral(epochMillis: number, zone: JavaZone): string {
  const { date } = localParts(epochMillis, zone, 'PROLEPTIC_GREGORIAN');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function timeLiteral(epochMillis: number, zone: JavaZone): string {
  return clock(localParts(epochMillis, zone, 'PROLEPTIC_GREGORIAN').millisOfDay);
}

export function timestampLiteral(epochMillis: number, zone: JavaZone): string {
  return `${dateLiteral(epochMillis, zone)} ${timeLiteral(epochMillis, zone)}`;
}

function clock(millisOfDay: number): string {
  const seconds = Math.floor(millisOfDay / 1000);
  return `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${pad(millisOfDay % 1000, 3)}`;
}

function offset(offsetSeconds: number): string {
  const abs = Math.abs(offsetSeconds);
  const text = `${offsetSeconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor(abs / 60) % 60, 2)}`;
  return abs % 60 === 0 ? text : `${text}:${pad(abs % 60, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
