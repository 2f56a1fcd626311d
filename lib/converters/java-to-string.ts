import { javaDoubleToString, javaFloatToString } from '#lib/data/java-number-format';
import type { Schema } from '#lib/data/index';

/** Java's `value.toString()` for the values StringConverter receives (numbers formatted as their schema's Java type). */
export function javaToString(schema: Schema | null | undefined, value: unknown): string {
  if (typeof value === 'number') {
    if (schema?.type === 'FLOAT32') return javaFloatToString(value);
    if (schema?.type === 'FLOAT64' || !Number.isSafeInteger(value)) return javaDoubleToString(value);
    return String(value);
  }
  return String(value);
}
