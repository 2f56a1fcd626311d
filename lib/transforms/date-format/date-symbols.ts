/** The English (ROOT/US locale) names SimpleDateFormat prints and parses. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));
/** Indexed like `Date.getUTCDay()`: Sunday first. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const SHORT_WEEKDAYS = WEEKDAYS.map((d) => d.slice(0, 3));
export const AM_PM = ['AM', 'PM'];
export const ERAS = ['BC', 'AD'];

/** The index of the longest name matching `text` at `pos`, case-insensitively (Java's `matchString`), with its length. */
export function matchName(text: string, pos: number, names: readonly string[]): { index: number; length: number } | null {
  let best: { index: number; length: number } | null = null;
  names.forEach((name, index) => {
    if (name.length > (best?.length ?? 0) && text.slice(pos, pos + name.length).toLowerCase() === name.toLowerCase()) best = { index, length: name.length };
  });
  return best;
}
