import { BigDecimal } from './big-decimal';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from './logical-names';
import type { Schema } from './schema';
import type { SchemaType } from './schema-type';
import { Struct } from './struct';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

function isIntIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Whether a non-null value has the JS representation of a (non-logical) schema type. */
export function isValueOfType(type: SchemaType, value: unknown): boolean {
  switch (type) {
    case 'INT8':
      return isIntIn(value, -128, 127);
    case 'INT16':
      return isIntIn(value, -32768, 32767);
    case 'INT32':
      return isIntIn(value, -2147483648, 2147483647);
    case 'INT64':
      return typeof value === 'bigint' ? value >= INT64_MIN && value <= INT64_MAX : Number.isSafeInteger(value);
    case 'FLOAT32':
    case 'FLOAT64':
      return typeof value === 'number';
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'STRING':
      return typeof value === 'string';
    case 'BYTES':
      return value instanceof Uint8Array;
    case 'ARRAY':
      return Array.isArray(value);
    case 'MAP':
      return value instanceof Map;
    case 'STRUCT':
      return value instanceof Struct;
  }
}

/** Whether a non-null value has the representation the schema expects (logical types by name first, like Kafka). */
export function isValueOfSchema(schema: Schema, value: unknown): boolean {
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      return value instanceof BigDecimal;
    case DATE_LOGICAL_NAME:
    case TIME_LOGICAL_NAME:
    case TIMESTAMP_LOGICAL_NAME:
      return value instanceof Date;
    default:
      return isValueOfType(schema.type, value);
  }
}

/**
 * The canonical form of a top-level value for a schema type: a safe-integer number for INT64 becomes
 * a bigint, a FLOAT32 number is rounded to float32 (what a Java Float holds). Other values are returned as is.
 */
export function normalizeValue(type: SchemaType, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (type === 'INT64' && Number.isSafeInteger(value)) return BigInt(value);
  if (type === 'FLOAT32') return Math.fround(value);
  return value;
}
