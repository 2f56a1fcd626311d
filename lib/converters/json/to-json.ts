import { BigDecimal, ConnectDate, ConnectDecimal, ConnectTime, ConnectTimestamp, Struct, javaClassOf, type Schema } from '#lib/data/index';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import { javaDoubleToString, javaFloatToString } from '#lib/data/java-number-format';
import { DataError } from '#lib/errors';
import { encodeBase64 } from './base64';
import { quoteJsonString } from './json-string';
import type { JsonConversionOptions } from './json-write-options';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * Kafka's `JsonConverter.convertToJson`, writing the JSON text directly: nulls become the default
 * (when `replace.null.with.default`) or `null`, logical types their Kafka encodings, struct fields in
 * schema order, string-keyed maps objects and other maps arrays of `[key, value]` pairs. Without a
 * schema the type follows the JS value (integral numbers and bigints as integers, other numbers as doubles).
 */
export function writeJson(schema: Schema | null, value: unknown, options: JsonConversionOptions): string {
  if (value === null || value === undefined) {
    if (schema === null) return 'null';
    if (schema.defaultValue !== undefined && options.replaceNullWithDefault) return writeJson(schema, schema.defaultValue, options);
    if (schema.optional) return 'null';
    throw new DataError('Conversion error: null value for field that is required and has no default value');
  }
  if (schema === null) return writeSchemaless(value, options);
  if (schema.name !== undefined) {
    const logical = writeLogical(schema, value, options);
    if (logical !== undefined) return logical;
  }
  switch (schema.type) {
    case 'INT8':
      return integral(value, -128, 127, schema);
    case 'INT16':
      return integral(value, -32768, 32767, schema);
    case 'INT32':
      return integral(value, -2147483648, 2147483647, schema);
    case 'INT64':
      if (typeof value === 'bigint' && value >= INT64_MIN && value <= INT64_MAX) return value.toString();
      if (Number.isSafeInteger(value)) return String(value);
      throw invalidType(schema, value);
    case 'FLOAT32':
      if (typeof value !== 'number') throw invalidType(schema, value);
      return finite(javaFloatToString(value), value);
    case 'FLOAT64':
      if (typeof value !== 'number') throw invalidType(schema, value);
      return finite(javaDoubleToString(value), value);
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw invalidType(schema, value);
      return value ? 'true' : 'false';
    case 'STRING':
      if (typeof value !== 'string') throw invalidType(schema, value);
      return quoteJsonString(value);
    case 'BYTES':
      if (!(value instanceof Uint8Array)) throw new DataError(`Invalid type for bytes type: ${javaClassOf(value)}`);
      return `"${encodeBase64(value)}"`;
    case 'ARRAY':
      if (!Array.isArray(value)) throw invalidType(schema, value);
      return writeArray(schema.valueSchema ?? null, value, options);
    case 'MAP':
      if (!(value instanceof Map)) throw invalidType(schema, value);
      return writeMap(schema, value, options);
    case 'STRUCT':
      if (!(value instanceof Struct)) throw invalidType(schema, value);
      return writeStruct(schema, value, options);
  }
}

function writeStruct(schema: Schema, struct: Struct, options: JsonConversionOptions): string {
  if (!struct.schema.equals(schema)) throw new DataError('Mismatching schema.');
  let out = '{';
  for (const field of schema.fields) {
    if (out.length > 1) out += ',';
    out += `${quoteJsonString(field.name)}:${writeJson(field.schema, struct.getWithoutDefault(field.name), options)}`;
  }
  return `${out}}`;
}

function writeArray(elementSchema: Schema | null, values: readonly unknown[], options: JsonConversionOptions): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) out += (i === 0 ? '' : ',') + writeJson(elementSchema, values[i], options);
  return `${out}]`;
}

function writeMap(schema: Schema | null, map: ReadonlyMap<unknown, unknown>, options: JsonConversionOptions): string {
  const keySchema = schema === null ? null : (schema.keySchema ?? null);
  const valueSchema = schema === null ? null : (schema.valueSchema ?? null);
  const objectMode = schema === null ? [...map.keys()].every((k) => typeof k === 'string') : keySchema?.type === 'STRING';
  const parts: string[] = [];
  const seen = objectMode ? new Map<string, number>() : undefined;
  for (const [key, value] of map) {
    const keyJson = writeJson(keySchema, key, options);
    const valueJson = writeJson(valueSchema, value, options);
    if (seen === undefined) {
      parts.push(`[${keyJson},${valueJson}]`);
      continue;
    }
    // Jackson's ObjectNode keys by asText(): a repeated text keeps its first position, last value.
    const text = typeof key === 'string' ? key : keyJson;
    const member = `${quoteJsonString(text)}:${valueJson}`;
    const at = seen.get(text);
    if (at === undefined) seen.set(text, parts.push(member) - 1);
    else parts[at] = member;
  }
  return objectMode ? `{${parts.join(',')}}` : `[${parts.join(',')}]`;
}

function writeSchemaless(value: unknown, options: JsonConversionOptions): string {
  switch (typeof value) {
    case 'string':
      return quoteJsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isInteger(value) && !Object.is(value, -0) ? String(value) : finite(javaDoubleToString(value), value);
    default:
      break;
  }
  if (value instanceof Uint8Array) return `"${encodeBase64(value)}"`;
  if (Array.isArray(value)) return writeArray(null, value, options);
  if (value instanceof Map) return writeMap(null, value, options);
  if (value instanceof Struct) throw new DataError('Mismatching schema.');
  throw new DataError(`Java class ${javaClassOf(value)} does not have corresponding schema type.`);
}

function writeLogical(schema: Schema, value: unknown, options: JsonConversionOptions): string | undefined {
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      if (!(value instanceof BigDecimal)) throw logicalType('Decimal', 'BigDecimal', value);
      return options.decimalFormat === 'NUMERIC' ? value.toString() : `"${encodeBase64(ConnectDecimal.fromLogical(schema, value))}"`;
    case DATE_LOGICAL_NAME:
      if (!(value instanceof Date)) throw logicalType('Date', 'Date', value);
      return String(ConnectDate.fromLogical(schema, value));
    case TIME_LOGICAL_NAME:
      if (!(value instanceof Date)) throw logicalType('Time', 'Date', value);
      return String(ConnectTime.fromLogical(schema, value));
    case TIMESTAMP_LOGICAL_NAME:
      if (!(value instanceof Date)) throw logicalType('Timestamp', 'Date', value);
      return ConnectTimestamp.fromLogical(schema, value).toString();
    default:
      return undefined;
  }
}

function integral(value: unknown, min: number, max: number, schema: Schema): string {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return String(value + 0);
  throw invalidType(schema, value);
}

/** Jackson writes non-finite numbers as strings ("NaN", "Infinity", "-Infinity"). */
function finite(text: string, value: number): string {
  return Number.isFinite(value) ? text : `"${text}"`;
}

function invalidType(schema: Schema, value: unknown): DataError {
  return new DataError(`Invalid type for ${schema.type}: ${javaClassOf(value)}`);
}

function logicalType(type: string, expected: string, value: unknown): DataError {
  return new DataError(`Invalid type for ${type}, expected ${expected} but was ${javaClassOf(value)}`);
}
