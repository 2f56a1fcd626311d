import { DataError } from '#lib/errors';
import { BigDecimal, pow10 } from './big-decimal';
import { ConnectDecimal } from './connect-decimal';
import { javaClassName } from './java-class';
import { javaDoubleToString, javaFloatToString } from './java-number-format';
import { DECIMAL_LOGICAL_NAME } from './logical-names';
import type { Schema } from './schema';
import { Struct } from './struct';
import { formatTemporal } from './values-temporal';

/**
 * Kafka's `Values.convertTo(toSchema, null, value)` for the conversions `Values.parseString` uses to
 * align the elements of an array or map with their common schema: numbers widen or narrow like Java
 * casts, anything converts to a string, collections and structs pass through.
 */
export function convertTo(toSchema: Schema, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (toSchema.optional) return null;
    throw new DataError('Unable to convert a null value to a schema that requires a value');
  }
  switch (toSchema.type) {
    case 'STRING':
      return valueToString(value, undefined);
    case 'BOOLEAN':
      return typeof value === 'boolean' ? value : asLong(value) !== 0n;
    case 'INT8':
      return Number(BigInt.asIntN(8, asLong(value)));
    case 'INT16':
      return Number(BigInt.asIntN(16, asLong(value)));
    case 'INT32':
      return value instanceof Date ? value : Number(BigInt.asIntN(32, asLong(value)));
    case 'INT64':
      return value instanceof Date ? value : asLong(value);
    case 'FLOAT32':
      return Math.fround(asDouble(value));
    case 'FLOAT64':
      return asDouble(value);
    case 'BYTES':
      if (toSchema.name === DECIMAL_LOGICAL_NAME && value instanceof BigDecimal) return value;
      if (value instanceof Uint8Array) return value;
      if (value instanceof BigDecimal) return ConnectDecimal.fromLogical(toSchema, value);
      throw unable(value, toSchema);
    case 'ARRAY':
      if (Array.isArray(value)) return value;
      throw unable(value, toSchema);
    case 'MAP':
      if (value instanceof Map) return value;
      throw unable(value, toSchema);
    case 'STRUCT':
      if (value instanceof Struct) return value;
      throw unable(value, toSchema);
  }
}

function asLong(value: unknown): bigint {
  if (typeof value === 'bigint') return BigInt.asIntN(64, value);
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt.asIntN(64, BigInt(Math.trunc(value))) : 0n;
  if (value instanceof BigDecimal) {
    // Java's longValue: 10^64 is a multiple of 2^64 (scale ≤ -64 gives 0), and an all-fraction value is 0.
    if (value.scale <= -64 || value.scale >= value.precision()) return 0n;
    return BigInt.asIntN(64, value.scale >= 0 ? value.unscaled / pow10(value.scale) : value.unscaled * pow10(-value.scale));
  }
  if (typeof value === 'string') return asLong(BigDecimal.parse(value));
  throw new DataError(`Unable to convert ${String(value)} (class ${javaClassName(value)}) to a number`);
}

function asDouble(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof BigDecimal) return value.toNumber();
  return Number(asLong(value));
}

function unable(value: unknown, schema: Schema): DataError {
  return new DataError(`Unable to convert ${String(value)} (class ${javaClassName(value)}) to ${schema.toString()}`);
}

/**
 * Kafka's `Values.append`/`convertToString`: numbers and booleans as Java prints them, strings quoted
 * and escaped only inside arrays, maps and structs, bytes as base64, dates as ISO-8601 (time, date or
 * timestamp, in UTC), arrays `[a,b]`, maps `{k:v}`, structs `{"field":value}`. The schema, when known,
 * tells float32 from float64 numbers.
 */
export function valueToString(value: unknown, schema: Schema | null | undefined, embedded = false): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'number':
      if (schema?.type === 'FLOAT32') return javaFloatToString(value);
      return schema?.type === 'FLOAT64' || !Number.isSafeInteger(value) ? javaDoubleToString(value) : String(value);
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'string':
      return embedded ? `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : value;
    default:
      break;
  }
  if (value instanceof Uint8Array) {
    const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    return embedded ? `"${text}"` : text;
  }
  if (value instanceof BigDecimal) return value.toString();
  if (value instanceof Date) return formatTemporal(value);
  if (Array.isArray(value)) {
    const element = schema?.type === 'ARRAY' ? schema.valueSchema : undefined;
    return `[${value.map((v) => valueToString(v, element, true)).join(',')}]`;
  }
  if (value instanceof Map) {
    const keySchema = schema?.type === 'MAP' ? schema.keySchema : undefined;
    const valueSchema = schema?.type === 'MAP' ? schema.valueSchema : undefined;
    return `{${[...value].map(([k, v]) => `${valueToString(k, keySchema, true)}:${valueToString(v, valueSchema, true)}`).join(',')}}`;
  }
  if (value instanceof Struct) {
    return `{${value.schema.fields.map((f) => `${valueToString(f.name, undefined, true)}:${valueToString(value.get(f), f.schema, true)}`).join(',')}}`;
  }
  throw new DataError(`Failed to serialize unexpected value type ${javaClassName(value)}: ${String(value)}`);
}
