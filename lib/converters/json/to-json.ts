import { BigDecimal, ConnectDate, ConnectDecimal, ConnectTime, ConnectTimestamp, Struct, javaClassOf, type Schema } from '#lib/data/index';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import { javaDoubleToString, javaFloatToString } from '#lib/data/java-number-format';
import { DataError } from '#lib/errors';
import { encodeBase64 } from './base64';
import { quoteJsonString } from './json-string';
import type { JsonConversionOptions } from './json-write-options';
import { writeMapEntries } from './to-json-map';
import { writeSchemaless } from './to-json-schemaless';

/** Writes one value of a fixed schema as JSON text. */
export type ValueWriter = (value: unknown) => string;

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Kafka's `JsonConverter.convertToJson` of one value (see `compileWriter`). */
export function writeJson(schema: Schema | null, value: unknown, options: JsonConversionOptions): string {
  return compileWriter(schema, options)(value);
}

/**
 * Kafka's `JsonConverter.convertToJson`, compiled once per schema into a function writing JSON text:
 * nulls become the default (with `replace.null.with.default`) or `null`, logical types their Kafka
 * encodings, struct fields in schema order, string-keyed maps objects and other maps arrays of
 * `[key, value]` pairs. A null schema writes by the JS type of the value.
 */
export function compileWriter(schema: Schema | null, options: JsonConversionOptions): ValueWriter {
  if (schema === null) return (value) => writeSchemaless(value, options);
  const typed = typedWriter(schema, options);
  let nullJson: string | undefined;
  const ifNull = (): string => {
    if (schema.defaultValue !== undefined && options.replaceNullWithDefault) return (nullJson ??= typed(schema.defaultValue));
    if (schema.optional) return 'null';
    throw new DataError('Conversion error: null value for field that is required and has no default value');
  };
  return (value) => (value === null || value === undefined ? ifNull() : typed(value));
}

function typedWriter(schema: Schema, options: JsonConversionOptions): ValueWriter {
  const logical = logicalWriter(schema, options);
  if (logical !== undefined) return logical;
  switch (schema.type) {
    case 'INT8':
      return integral(schema, -128, 127);
    case 'INT16':
      return integral(schema, -32768, 32767);
    case 'INT32':
      return integral(schema, -2147483648, 2147483647);
    case 'INT64':
      return (v) => {
        if (typeof v === 'bigint' && v >= INT64_MIN && v <= INT64_MAX) return v.toString();
        if (Number.isSafeInteger(v)) return String(v);
        throw invalidType(schema, v);
      };
    case 'FLOAT32':
      return (v) => (typeof v === 'number' ? finite(javaFloatToString(v), v) : throwInvalid(schema, v));
    case 'FLOAT64':
      return (v) => (typeof v === 'number' ? finite(javaDoubleToString(v), v) : throwInvalid(schema, v));
    case 'BOOLEAN':
      return (v) => (v === true ? 'true' : v === false ? 'false' : throwInvalid(schema, v));
    case 'STRING':
      return (v) => (typeof v === 'string' ? quoteJsonString(v) : throwInvalid(schema, v));
    case 'BYTES':
      return (v) => {
        if (v instanceof Uint8Array) return `"${encodeBase64(v)}"`;
        throw new DataError(`Invalid type for bytes type: ${javaClassOf(v)}`);
      };
    case 'ARRAY':
      return arrayWriter(schema, options);
    case 'MAP':
      return mapWriter(schema, options);
    case 'STRUCT':
      return structWriter(schema, options);
  }
}

function structWriter(schema: Schema, options: JsonConversionOptions): ValueWriter {
  const fields = schema.fields.map((field, i) => ({
    field,
    prefix: `${i === 0 ? '{' : ','}${quoteJsonString(field.name)}:`,
    write: compileWriter(field.schema, options),
  }));
  return (value) => {
    if (!(value instanceof Struct)) throw invalidType(schema, value);
    if (value.schema !== schema && !value.schema.equals(schema)) throw new DataError('Mismatching schema.');
    if (fields.length === 0) return '{}';
    let out = '';
    for (const f of fields) out += f.prefix + f.write(value.getWithoutDefault(f.field));
    return `${out}}`;
  };
}

function arrayWriter(schema: Schema, options: JsonConversionOptions): ValueWriter {
  const element = compileWriter(schema.valueSchema ?? null, options);
  return (value) => {
    if (!Array.isArray(value)) throw invalidType(schema, value);
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + element(value[i]);
    return `${out}]`;
  };
}

function mapWriter(schema: Schema, options: JsonConversionOptions): ValueWriter {
  const keySchema = schema.keySchema ?? null;
  const key = compileWriter(keySchema, options);
  const value = compileWriter(schema.valueSchema ?? null, options);
  const objectMode = keySchema?.type === 'STRING';
  return (map) => {
    if (!(map instanceof Map)) throw invalidType(schema, map);
    return writeMapEntries(map, objectMode, key, value);
  };
}

function logicalWriter(schema: Schema, options: JsonConversionOptions): ValueWriter | undefined {
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      return (v) => {
        if (!(v instanceof BigDecimal)) throw logicalType('Decimal', 'BigDecimal', v);
        return options.decimalFormat === 'NUMERIC' ? v.toString() : `"${encodeBase64(ConnectDecimal.fromLogical(schema, v))}"`;
      };
    case DATE_LOGICAL_NAME:
      return (v) => String(ConnectDate.fromLogical(schema, asDate('Date', v)));
    case TIME_LOGICAL_NAME:
      return (v) => String(ConnectTime.fromLogical(schema, asDate('Time', v)));
    case TIMESTAMP_LOGICAL_NAME:
      return (v) => ConnectTimestamp.fromLogical(schema, asDate('Timestamp', v)).toString();
    default:
      return undefined;
  }
}

function asDate(type: string, value: unknown): Date {
  if (!(value instanceof Date)) throw logicalType(type, 'Date', value);
  return value;
}

function integral(schema: Schema, min: number, max: number): ValueWriter {
  return (v) => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return String(v + 0);
    throw invalidType(schema, v);
  };
}

/** Jackson writes non-finite numbers as strings ("NaN", "Infinity", "-Infinity"). */
export function finite(text: string, value: number): string {
  return Number.isFinite(value) ? text : `"${text}"`;
}

function invalidType(schema: Schema, value: unknown): DataError {
  return new DataError(`Invalid type for ${schema.type}: ${javaClassOf(value)}`);
}

function throwInvalid(schema: Schema, value: unknown): never {
  throw invalidType(schema, value);
}

function logicalType(type: string, expected: string, value: unknown): DataError {
  return new DataError(`Invalid type for ${type}, expected ${expected} but was ${javaClassOf(value)}`);
}
