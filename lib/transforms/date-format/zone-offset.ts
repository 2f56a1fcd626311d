/**
 * Time zone text as SimpleDateFormat parses it, in minutes east of UTC: `z`/`Z` take
 * `GMT±h[h][:mm]`, `±hhmm`, `±hh:mm` or the names UTC/GMT/UT; `X` takes `Z` or an ISO 8601 offset.
 * Other zone names (PST, Europe/Paris) are not supported and fail to parse.
 */
export interface ParsedOffset {
  readonly minutes: number;
  readonly length: number;
}

const NAMED = /^(UTC|GMT|UT)/i;
const GMT_OFFSET = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?/i;
const NUMERIC = /^([+-])(\d{2})(?::?(\d{2}))?/;

export function parseGeneralZone(text: string): ParsedOffset | null {
  const gmt = GMT_OFFSET.exec(text);
  if (gmt) return offset(gmt[1], gmt[2], gmt[3], gmt[0].length);
  const numeric = NUMERIC.exec(text);
  if (numeric) return offset(numeric[1], numeric[2], numeric[3], numeric[0].length);
  const named = NAMED.exec(text);
  return named ? { minutes: 0, length: named[0].length } : null;
}

export function parseIsoZone(text: string): ParsedOffset | null {
  if (text.startsWith('Z')) return { minutes: 0, length: 1 };
  const numeric = NUMERIC.exec(text);
  return numeric ? offset(numeric[1], numeric[2], numeric[3], numeric[0].length) : null;
}

function offset(sign: string | undefined, hours: string | undefined, minutes: string | undefined, length: number): ParsedOffset | null {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (h > 23 || m > 59) return null;
  return { minutes: (sign === '-' ? -1 : 1) * (h * 60 + m), length };
}
