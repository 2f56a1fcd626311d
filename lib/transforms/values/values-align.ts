/**
 * Kafka's `Values.convertTo` as `parseString` uses it to align parsed elements with their common
 * schema: numbers widen to the common numeric type, other values are kept, and a null where the
 * schema requires a value fails (which makes the surrounding array or map parse as a string).
 */
import type { Schema } from '#lib/data/schema';
import { DataError } from '#lib/errors';
import { doubleValue, floatValue, intValue, longValue, shortValue, byteValue, type JavaNumber } from '../util/java-numbers';

export function alignToSchema(schema: Schema, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (schema.optional) return null;
    throw new DataError('Unable to convert a null value to a schema that requires a value');
  }
  if (typeof value !== 'number' && typeof value !== 'bigint') return value;
  const n: JavaNumber = value;
  const floating = typeof value === 'number' && !Number.isInteger(value);
  switch (schema.type) {
    case 'INT8':
      return byteValue(n, floating);
    case 'INT16':
      return shortValue(n, floating);
    case 'INT32':
      return intValue(n, floating);
    case 'INT64':
      return longValue(n, floating);
    case 'FLOAT32':
      return floatValue(n);
    case 'FLOAT64':
      return doubleValue(n);
    default:
      return value;
  }
}
