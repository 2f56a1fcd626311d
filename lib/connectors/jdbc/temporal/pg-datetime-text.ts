/**
 * PostgreSQL's text forms of date, time, timetz, timestamp and timestamptz with `DateStyle=ISO`
 * (the session setting our connections use), parsed into fields, and the timestamp text we send as
 * query parameters. Years are astronomical (0 = 1 BC); `infinity` has no Connect value.
 */
import { DataError } from '#lib/errors';
import type { CivilDate } from './civil-calendar';

export interface DateTimeFields extends CivilDate {
  /** Microseconds since midnight. */
  timeMicros: number;
  /** The explicit UTC offset (timestamptz, timetz), or null. */
  offsetSeconds: number | null;
}

const DATE = /^(\d{4,})-(\d{2})-(\d{2})( BC)?$/;
const TIMESTAMP = /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([+-]\d{2}(?::\d{2}){0,2})?( BC)?$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([+-]\d{2}(?::\d{2}){0,2})?$/;

export function parseDateText(text: string): CivilDate {
  const match = DATE.exec(text);
  if (!match) throw unsupported('date', text);
  return { year: year(match[1] as string, match[4]), month: Number(match[2]), day: Number(match[3]) };
}

export function parseTimestampText(text: string): DateTimeFields {
  const match = TIMESTAMP.exec(text);
  if (!match) throw unsupported('timestamp', text);
  return {
    year: year(match[1] as string, match[9]),
    month: Number(match[2]),
    day: Number(match[3]),
    timeMicros: timeMicros(match[4], match[5], match[6], match[7]),
    offsetSeconds: match[8] === undefined ? null : offsetSeconds(match[8]),
  };
}

/** time and timetz: the fields of 1970-01-01 at that time. */
export function parseTimeText(text: string): DateTimeFields {
  const match = TIME.exec(text);
  if (!match) throw unsupported('time', text);
  return { year: 1970, month: 1, day: 1, timeMicros: timeMicros(match[1], match[2], match[3], match[4]), offsetSeconds: match[5] === undefined ? null : offsetSeconds(match[5]) };
}

/** `YYYY-MM-DD HH:MM:SS.ffffff±HH:MM[:SS][ BC]`, as pgjdbc renders a Timestamp bound with a Calendar. */
export function formatTimestampText(date: CivilDate, timeMicros: number, offsetSeconds: number): string {
  const bc = date.year <= 0;
  const shownYear = bc ? 1 - date.year : date.year;
  const seconds = Math.floor(timeMicros / 1_000_000);
  const fraction = timeMicros - seconds * 1_000_000;
  const clock = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${pad(fraction, 6)}`;
  return `${pad(shownYear, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)} ${clock}${formatOffset(offsetSeconds)}${bc ? ' BC' : ''}`;
}

function formatOffset(offsetSeconds: number): string {
  const abs = Math.abs(offsetSeconds);
  const seconds = abs % 60;
  const text = `${offsetSeconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor(abs / 60) % 60, 2)}`;
  return seconds === 0 ? text : `${text}:${pad(seconds, 2)}`;
}

function year(digits: string, bc: string | undefined): number {
  const value = Number(digits);
  return bc === undefined ? value : 1 - value;
}

function timeMicros(h: string | undefined, m: string | undefined, s: string | undefined, fraction: string | undefined): number {
  const micros = fraction === undefined ? 0 : Number(fraction.padEnd(6, '0'));
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1_000_000 + micros;
}

function offsetSeconds(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const [h = 0, m = 0, s = 0] = text.slice(1).split(':').map(Number);
  return sign * (h * 3600 + m * 60 + s);
}

function unsupported(type: string, text: string): DataError {
  if (text === 'infinity' || text === '-infinity') return new DataError(`The ${type} value '${text}' has no Kafka Connect representation`);
  return new DataError(`Cannot read the PostgreSQL ${type} value '${text}'`);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
