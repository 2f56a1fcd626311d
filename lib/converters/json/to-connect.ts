import { ConnectDate, ConnectDecimal, ConnectTime, ConnectTimestamp, Struct, type Schema } from '#lib/data/index';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import { DataError } from '#lib/errors';
import { binaryValue, decimalValue, doubleValue, floatValue, intValue, isInt, isIntegral, longValue, textValue } from './json-node-values';
import { isJsonNumber, isJsonObject, JsonDecimal, nodeType, type JsonValue } from './json-value';
import type { JsonConversionOptions } from './json-write-options';

/**
 * One conversion's settings. `strict` makes struct fields go through `Struct.put` (Kafka's validation);
 * the fast mode stores them directly and raises `sawNullForRequired` when a lenient Jackson accessor
 * produced a null for a required schema, so the caller can redo the conversion strictly and fail, or
 * not, exactly where Kafka does.
 */
export interface ToConnectContext {
  readonly options: JsonConversionOptions;
  readonly strict: boolean;
  sawNullForRequired: boolean;
}

/** Kafka's `JsonConverter.convertToConnect`: a JSON value to a Connect value of the schema (inferred when null). */
export function toConnect(schema: Schema | null, json: JsonValue | undefined, ctx: ToConnectContext): unknown {
  if (schema === null) return schemaless(json);
  if (json === undefined || json === null) {
    if (schema.defaultValue !== undefined && ctx.options.replaceNullWithDefault) return schema.defaultValue;
    if (schema.optional) return null;
    throw new DataError(`Invalid null value for required ${schema.type} field`);
  }
  if (schema.name !== undefined) {
    const logical = logicalToConnect(schema, json);
    if (logical !== undefined) return logical;
  }
  switch (schema.type) {
    case 'BOOLEAN':
      return json === true;
    case 'INT8':
      return (intValue(json) << 24) >> 24;
    case 'INT16':
      return (intValue(json) << 16) >> 16;
    case 'INT32':
      return intValue(json);
    case 'INT64':
      return longValue(json);
    case 'FLOAT32':
      return floatValue(json);
    case 'FLOAT64':
      return doubleValue(json);
    case 'STRING':
      return nullChecked(schema, textValue(json), ctx);
    case 'BYTES':
      return nullChecked(schema, bytesOf(json), ctx);
    case 'ARRAY':
      return elementsOf(json).map((element) => toConnect(schema.valueSchema ?? null, element, ctx));
    case 'MAP':
      return mapToConnect(schema, json, ctx);
    case 'STRUCT':
      return structToConnect(schema, json, ctx);
  }
}

function schemaless(json: JsonValue | undefined): unknown {
  if (json === undefined || json === null || typeof json === 'boolean' || typeof json === 'string') return json ?? null;
  if (isIntegral(json)) return longValue(json);
  if (json instanceof JsonDecimal) return json.double;
  if (Array.isArray(json)) return json.map(schemaless);
  const map = new Map<string, unknown>();
  for (const [key, value] of json) map.set(key, schemaless(value));
  return map;
}

function structToConnect(schema: Schema, json: JsonValue, ctx: ToConnectContext): Struct {
  if (!isJsonObject(json)) throw new DataError(`Structs should be encoded as JSON objects, but found ${nodeType(json)}`);
  const struct = new Struct(schema);
  for (const field of schema.fields) {
    const value = toConnect(field.schema, json.get(field.name), ctx);
    if (ctx.strict) struct.put(field, value);
    else struct.putTrusted(field, value);
  }
  return struct;
}

function mapToConnect(schema: Schema, json: JsonValue, ctx: ToConnectContext): Map<unknown, unknown> {
  const keySchema = schema.keySchema ?? null;
  const valueSchema = schema.valueSchema ?? null;
  const result = new Map<unknown, unknown>();
  if (keySchema === null || keySchema.type === 'STRING') {
    if (!isJsonObject(json)) throw new DataError(`Maps with string fields should be encoded as JSON objects, but found ${nodeType(json)}`);
    for (const [key, value] of json) result.set(key, toConnect(valueSchema, value, ctx));
    return result;
  }
  if (!Array.isArray(json)) throw new DataError(`Maps with non-string fields should be encoded as JSON array of tuples, but found ${nodeType(json)}`);
  for (const entry of json) {
    if (!Array.isArray(entry)) throw new DataError(`Found invalid map entry instead of array tuple: ${nodeType(entry)}`);
    if (entry.length !== 2) throw new DataError(`Found invalid map entry, expected length 2 but found :${entry.length}`);
    result.set(toConnect(keySchema, entry[0], ctx), toConnect(valueSchema, entry[1], ctx));
  }
  return result;
}

function logicalToConnect(schema: Schema, json: JsonValue): unknown {
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      if (isJsonNumber(json)) return decimalValue(json);
      if (typeof json === 'string') {
        try {
          return ConnectDecimal.toLogical(schema, bytesOf(json) as Uint8Array);
        } catch (err) {
          throw new DataError('Invalid bytes for Decimal field', { cause: err });
        }
      }
      throw new DataError(`Invalid type for Decimal, underlying representation should be numeric or bytes but was ${nodeType(json)}`);
    case DATE_LOGICAL_NAME:
      if (!isInt(json)) throw new DataError(`Invalid type for Date, underlying representation should be integer but was ${nodeType(json)}`);
      return ConnectDate.toLogical(schema, json);
    case TIME_LOGICAL_NAME:
      if (!isInt(json)) throw new DataError(`Invalid type for Time, underlying representation should be integer but was ${nodeType(json)}`);
      return ConnectTime.toLogical(schema, json);
    case TIMESTAMP_LOGICAL_NAME:
      if (!isIntegral(json)) throw new DataError(`Invalid type for Timestamp, underlying representation should be integral but was ${nodeType(json)}`);
      return ConnectTimestamp.toLogical(schema, longValue(json));
    default:
      return undefined;
  }
}

/** Iterating a Jackson node: array elements, object values, nothing for scalars. */
function elementsOf(json: JsonValue): JsonValue[] {
  if (Array.isArray(json)) return json;
  return isJsonObject(json) ? [...json.values()] : [];
}

function bytesOf(json: JsonValue): Uint8Array | null {
  try {
    return binaryValue(json);
  } catch (err) {
    throw new DataError('Invalid bytes field', { cause: err });
  }
}

function nullChecked<T>(schema: Schema, value: T | null, ctx: ToConnectContext): T | null {
  if (value === null && !schema.optional) ctx.sawNullForRequired = true;
  return value;
}
