/**
 * The subset of `java.text.SimpleDateFormat` Kafka's timestamp transformations need, always in UTC
 * (TimestampConverter and TimestampRouter set UTC; Cast and Values use the JVM default zone, UTC on
 * Lambda). Supported letters: G y M L d D E u a H k K h m s S z Z X and quoted text. Not
 * supported: week-based fields (Y w W F) and zone names other than UTC/GMT.
 */
import { formatDate } from './date-formatter';
import { parseDate } from './date-parser';
import { compileDatePattern, type DatePatternToken } from './date-pattern';

export { DatePatternError } from './date-pattern';

export class SimpleDateFormat {
  readonly #tokens: readonly DatePatternToken[];

  /** Throws DatePatternError for a pattern Java would reject or this port does not support. */
  constructor(readonly pattern: string) {
    this.#tokens = compileDatePattern(pattern);
  }

  format(date: Date): string {
    return formatDate(this.#tokens, date);
  }

  /** The date the text starts with, or null when it does not match (Java's ParseException). */
  parse(text: string): Date | null {
    return parseDate(this.#tokens, text);
  }

  /** Java's `toPattern()`. */
  toPattern(): string {
    return this.pattern;
  }
}

const formats = new Map<string, SimpleDateFormat>();

/** Formats with a shared, compiled-once format for a fixed pattern. */
export function formatUtc(date: Date, pattern: string): string {
  let format = formats.get(pattern);
  if (format === undefined) {
    format = new SimpleDateFormat(pattern);
    formats.set(pattern, format);
  }
  return format.format(date);
}
