/** `SimpleDateFormat.format` in UTC for a compiled pattern. */
import type { DatePatternToken } from './date-pattern';
import { AM_PM, ERAS, MONTHS, SHORT_MONTHS, SHORT_WEEKDAYS, WEEKDAYS } from './date-symbols';

export function formatDate(tokens: readonly DatePatternToken[], date: Date): string {
  let out = '';
  for (const token of tokens) out += token.kind === 'literal' ? token.text : formatField(token.letter, token.count, date);
  return out;
}

function formatField(letter: string, count: number, d: Date): string {
  const year = d.getUTCFullYear();
  const hour = d.getUTCHours();
  switch (letter) {
    case 'G':
      return ERAS[year > 0 ? 1 : 0] as string;
    case 'y': {
      const eraYear = year > 0 ? year : 1 - year;
      return count === 2 ? pad(eraYear % 100, 2) : pad(eraYear, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[d.getUTCMonth()] as string;
      if (count === 3) return SHORT_MONTHS[d.getUTCMonth()] as string;
      return pad(d.getUTCMonth() + 1, count);
    case 'd':
      return pad(d.getUTCDate(), count);
    case 'D':
      return pad(dayOfYear(d), count);
    case 'E':
      return (count >= 4 ? WEEKDAYS : SHORT_WEEKDAYS)[d.getUTCDay()] as string;
    case 'u':
      return pad(d.getUTCDay() === 0 ? 7 : d.getUTCDay(), count);
    case 'a':
      return AM_PM[hour < 12 ? 0 : 1] as string;
    case 'H':
      return pad(hour, count);
    case 'k':
      return pad(hour === 0 ? 24 : hour, count);
    case 'K':
      return pad(hour % 12, count);
    case 'h':
      return pad(hour % 12 === 0 ? 12 : hour % 12, count);
    case 'm':
      return pad(d.getUTCMinutes(), count);
    case 's':
      return pad(d.getUTCSeconds(), count);
    case 'S':
      return pad(d.getUTCMilliseconds(), count);
    case 'z':
      return count >= 4 ? 'Coordinated Universal Time' : 'UTC';
    case 'Z':
      return '+0000';
    case 'X':
      return 'Z';
    default:
      return '';
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}
