/**
 * `SimpleDateFormat.parse` (lenient, UTC) for a compiled pattern. Like Java: blanks before a field
 * are skipped, a number abutting another numeric field is limited to its letter count, a two-digit
 * `yy` year lands within 80 years before / 20 after now, out-of-range values roll over, and text
 * after the pattern is ignored. Returns null when the text does not match.
 */
import { isNumericField, type DatePatternToken } from './date-pattern';
import { AM_PM, ERAS, MONTHS, SHORT_MONTHS, SHORT_WEEKDAYS, WEEKDAYS, matchName } from './date-symbols';
import { utcMillis } from './utc-millis';
import { parseGeneralZone, parseIsoZone } from './zone-offset';

interface Fields {
  year: number; month: number; day: number | null; dayOfYear: number | null;
  hourOfDay: number | null; hour: number | null; pm: boolean; minute: number; second: number; millis: number;
  bc: boolean; offsetMinutes: number;
}

export function parseDate(tokens: readonly DatePatternToken[], text: string, now: Date = new Date()): Date | null {
  const f: Fields = { year: 1970, month: 0, day: null, dayOfYear: null, hourOfDay: null, hour: null, pm: false, minute: 0, second: 0, millis: 0, bc: false, offsetMinutes: 0 };
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as DatePatternToken;
    if (token.kind === 'literal') {
      if (!text.startsWith(token.text, pos)) return null;
      pos += token.text.length;
      continue;
    }
    while (text[pos] === ' ' || text[pos] === '\t') pos++;
    const next = tokens[i + 1];
    const obeyCount = next !== undefined && isNumericField(next);
    const end = isNumericField(token) ? parseNumber(token, text, pos, obeyCount, f, now) : parseText(token, text, pos, f);
    if (end === null) return null;
    pos = end;
  }
  return new Date(toMillis(f));
}

function parseNumber(token: { letter: string; count: number }, text: string, pos: number, obeyCount: boolean, f: Fields, now: Date): number | null {
  const limit = obeyCount ? Math.min(text.length, pos + token.count) : text.length;
  let end = pos;
  while (end < limit && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  if (end === pos) return null;
  const value = Number(text.slice(pos, end));
  switch (token.letter) {
    case 'y': f.year = token.count <= 2 && end - pos === 2 ? twoDigitYear(value, now) : value; break;
    case 'M': case 'L': f.month = value - 1; break;
    case 'd': f.day = value; f.dayOfYear = null; break;
    case 'D': f.dayOfYear = value; break;
    case 'H': f.hourOfDay = value; f.hour = null; break;
    case 'k': f.hourOfDay = value === 24 ? 0 : value; f.hour = null; break;
    case 'K': f.hour = value; break;
    case 'h': f.hour = value === 12 ? 0 : value; break;
    case 'm': f.minute = value; break;
    case 's': f.second = value; break;
    case 'S': f.millis = value; break;
    default: break; // u: the day of the week does not move a date that has a day of month
  }
  return end;
}

function parseText(token: { letter: string; count: number }, text: string, pos: number, f: Fields): number | null {
  const rest = text.slice(pos);
  switch (token.letter) {
    case 'M': case 'L': {
      const match = matchName(text, pos, MONTHS) ?? matchName(text, pos, SHORT_MONTHS);
      if (match) f.month = match.index;
      return match ? pos + match.length : null;
    }
    case 'E': {
      const match = matchName(text, pos, WEEKDAYS) ?? matchName(text, pos, SHORT_WEEKDAYS);
      return match ? pos + match.length : null;
    }
    case 'a': {
      const match = matchName(text, pos, AM_PM);
      if (match) f.pm = match.index === 1;
      return match ? pos + match.length : null;
    }
    case 'G': {
      const match = matchName(text, pos, ERAS);
      if (match) f.bc = match.index === 0;
      return match ? pos + match.length : null;
    }
    default: {
      const zone = token.letter === 'X' ? parseIsoZone(rest) : parseGeneralZone(rest);
      if (zone) f.offsetMinutes = zone.minutes;
      return zone ? pos + zone.length : null;
    }
  }
}

/** Java's default century: a two-digit year falls in [now - 80 years, now + 20 years). */
function twoDigitYear(value: number, now: Date): number {
  const startYear = now.getUTCFullYear() - 80;
  const ambiguous = startYear % 100;
  return Math.floor(startYear / 100) * 100 + value + (value < ambiguous ? 100 : 0);
}

function toMillis(f: Fields): number {
  const year = f.bc ? 1 - f.year : f.year;
  const hourOfDay = f.hour !== null ? f.hour + (f.pm ? 12 : 0) : (f.hourOfDay ?? 0);
  const useDayOfYear = f.dayOfYear !== null && f.day === null;
  const local = useDayOfYear
    ? utcMillis(year, 0, f.dayOfYear as number, hourOfDay, f.minute, f.second, f.millis)
    : utcMillis(year, f.month, f.day ?? 1, hourOfDay, f.minute, f.second, f.millis);
  return local - f.offsetMinutes * 60_000;
}
