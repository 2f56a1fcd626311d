/**
 * `Date.UTC` without its two-digit-year mapping (years 0–99 are not 1900–1999 here), keeping its
 * lenient roll-over of out-of-range fields, which is what a lenient Java Calendar does too.
 * Dates use the proleptic Gregorian calendar (Java switches to Julian before October 1582).
 */
const FOUR_HUNDRED_YEARS_MS = 146_097 * 86_400_000;

export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): number {
  if (year >= 0 && year < 100) return Date.UTC(year + 400, month, day, hour, minute, second, millis) - FOUR_HUNDRED_YEARS_MS;
  return Date.UTC(year, month, day, hour, minute, second, millis);
}
