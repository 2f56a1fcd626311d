/** Cast to and from strings, as Java's `parseX` methods and `Object.toString()` do it. */
import { BigDecimal } from '#lib/data/big-decimal';
import { javaDoubleToString, javaFloatToString } from '#lib/data/java-number-format';
import { MILLIS_PER_DAY } from '#lib/data/logical-names';
import { formatUtc } from '../date-format/simple-date-format';
import { parseJavaDouble, parseJavaInteger } from '../util/java-numbers';
import type { CastType } from './cast-spec';

export function castStringTo(target: Exclude<CastType, 'STRING'>, text: string): unknown {
  switch (target) {
    case 'INT8':
      return Number(parseJavaInteger(text, 8));
    case 'INT16':
      return Number(parseJavaInteger(text, 16));
    case 'INT32':
      return Number(parseJavaInteger(text, 32));
    case 'INT64':
      return parseJavaInteger(text, 64);
    case 'FLOAT32':
      return Math.fround(parseJavaDouble(text));
    case 'FLOAT64':
      return parseJavaDouble(text);
    case 'BOOLEAN':
      return text.toLowerCase() === 'true';
  }
}

/** Java's rendering of the value: `Values.dateFormatFor` for dates, base64 for bytes, `toString()` otherwise. */
export function castToString(value: unknown, javaClass: string): string {
  if (value instanceof Date) return formatUtc(value, dateFormatFor(value.getTime()));
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'number') {
    if (javaClass === 'java.lang.Float') return javaFloatToString(value);
    if (javaClass === 'java.lang.Double' || !Number.isInteger(value)) return javaDoubleToString(value);
    return String(value);
  }
  if (value instanceof BigDecimal) return value.toString();
  return String(value);
}

function dateFormatFor(millis: number): string {
  if (millis < MILLIS_PER_DAY) return "HH:mm:ss.SSS'Z'";
  if (millis % MILLIS_PER_DAY === 0) return 'yyyy-MM-dd';
  return "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
}
