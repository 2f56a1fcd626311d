import { ConnectDate, ConnectTime, ConnectTimestamp } from './connect-temporal';
import { MILLIS_PER_DAY } from './logical-names';
import { SchemaAndValue } from './schema-and-value';

type Part = { digits: 'y' | 'M' | 'd' | 'H' | 'm' | 's' | 'S' } | { literal: string };

const DATE: Part[] = [{ digits: 'y' }, { literal: '-' }, { digits: 'M' }, { literal: '-' }, { digits: 'd' }];
const TIME: Part[] = [{ digits: 'H' }, { literal: ':' }, { digits: 'm' }, { literal: ':' }, { digits: 's' }, { literal: '.' }, { digits: 'S' }, { literal: 'Z' }];
const TIMESTAMP: Part[] = [...DATE, { literal: 'T' }, ...TIME];

/**
 * Kafka's `Values.parseAsTemporal`: by length, a `HH:mm:ss.SSS'Z'` time (13), `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`
 * timestamp (24) or `yyyy-MM-dd` date (10), parsed as a lenient SimpleDateFormat does (numbers of any
 * width, out-of-range fields rolling over). Kafka uses the JVM's time zone; this runtime uses UTC.
 */
export function parseTemporal(token: string): SchemaAndValue | null {
  const text = token.replaceAll('\\:', ':');
  if (text.length === 13) return parseWith(text, TIME, ConnectTime.SCHEMA);
  if (text.length === 24) return parseWith(text, TIMESTAMP, ConnectTimestamp.SCHEMA);
  if (text.length === 10) return parseWith(text, DATE, ConnectDate.SCHEMA);
  return null;
}

function parseWith(text: string, pattern: Part[], schema: SchemaAndValue['schema']): SchemaAndValue | null {
  const f: Record<string, number> = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0 };
  let i = 0;
  for (const part of pattern) {
    if ('literal' in part) {
      if (text[i] !== part.literal) return null;
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start) return null;
    f[part.digits] = Number(text.slice(start, i));
  }
  const date = new Date(0);
  date.setUTCFullYear(f.y as number, (f.M as number) - 1, f.d as number);
  date.setUTCHours(f.H as number, f.m as number, f.s as number, f.S as number);
  return Number.isNaN(date.getTime()) ? null : new SchemaAndValue(schema, date);
}

/** Kafka's `Values.dateFormatFor(value).format(value)` in UTC. */
export function formatTemporal(value: Date): string {
  const ms = value.getTime();
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const date = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}.${pad(value.getUTCMilliseconds(), 3)}Z`;
  if (ms < MILLIS_PER_DAY) return time;
  if (ms % MILLIS_PER_DAY === 0) return date;
  return `${date}T${time}`;
}
