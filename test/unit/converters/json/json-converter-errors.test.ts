import { describe, expect, it } from 'vitest';
import { JsonConverter } from '#lib/converters/json/json-converter';
import { BigDecimal, ConnectDate, Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { DataError, InvalidConfigError } from '#lib/errors';

const ENVELOPE_ERROR = 'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.';

function converter(config: Record<string, string> = {}): JsonConverter {
  const c = new JsonConverter();
  c.configure(config, false);
  return c;
}

function readError(json: string | Uint8Array, config: Record<string, string> = {}): DataError {
  try {
    converter(config).toConnectData('topic', undefined, typeof json === 'string' ? Buffer.from(json) : json);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return err as DataError;
  }
  throw new Error('expected a DataError');
}

function writeError(schema: Schema | null, value: unknown): DataError {
  try {
    converter().fromConnectData('topic', undefined, schema, value);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return err as DataError;
  }
  throw new Error('expected a DataError');
}

describe('JsonConverter errors', () => {
  it.each(['{"payload": 1}', '{"schema": null}', '{"schema": null, "payload": 1, "x": 2}', '[1]', '12', ''])(
    'requires exactly schema and payload with schemas.enable: %s', (json) => {
      expect(readError(json).message).toBe(ENVELOPE_ERROR);
    });

  it.each(['{"schema": null, "payload": }', '{"a" 1}', '[1,]', '"unterminated', 'nul', '{"a": "\u0001"}', '[01.]'])(
    'reports malformed JSON as a serialization error: %s', (json) => {
      const err = readError(json, { 'schemas.enable': 'false' });
      expect(err.message).toBe('Converting byte[] to Kafka Connect data failed due to serialization error: ');
      expect(err.cause).toBeInstanceOf(Error);
    });

  it('reports invalid UTF-8 as a serialization error', () => {
    expect(readError(Uint8Array.of(0x22, 0xff, 0x22), { 'schemas.enable': 'false' }).message).toContain('serialization error');
  });

  it.each([
    ['{"schema": {"type": "int32"}, "payload": null}', 'Invalid null value for required INT32 field'],
    ['{"schema": {"optional": true}, "payload": 1}', "Schema must contain 'type' field"],
    ['{"schema": {"type": "float128"}, "payload": 1}', 'Unknown schema type: float128'],
    ['{"schema": {"type": "array"}, "payload": []}', 'Array schema did not specify the element type'],
    ['{"schema": {"type": "map", "values": {"type": "int8"}}, "payload": {}}', 'Map schema did not specify the key type'],
    ['{"schema": {"type": "struct"}, "payload": {}}', 'Struct schema\'s "fields" argument is not an array.'],
    ['{"schema": {"type": "struct", "fields": [{"type": "int8"}]}, "payload": {}}', "Struct schema's field name not specified properly"],
    ['{"schema": {"type": "boolean", "parameters": {"a": 1}}, "payload": true}', 'Schema parameters must have string values.'],
    ['{"schema": {"type": "struct", "fields": []}, "payload": [1]}', 'Structs should be encoded as JSON objects, but found ARRAY'],
    ['{"schema": {"type": "map", "keys": {"type": "string"}, "values": {"type": "int8"}}, "payload": [1]}', 'Maps with string fields should be encoded as JSON objects, but found ARRAY'],
    ['{"schema": {"type": "map", "keys": {"type": "int8"}, "values": {"type": "int8"}}, "payload": {}}', 'Maps with non-string fields should be encoded as JSON array of tuples, but found OBJECT'],
    ['{"schema": {"type": "map", "keys": {"type": "int8"}, "values": {"type": "int8"}}, "payload": [[1]]}', 'Found invalid map entry, expected length 2 but found :1'],
    ['{"schema": {"type": "bytes"}, "payload": "not base64!"}', 'Invalid bytes field'],
    ['{"schema": {"type": "int32", "name": "org.apache.kafka.connect.data.Date"}, "payload": 1.0}', 'Invalid type for Date, underlying representation should be integer but was NUMBER'],
    ['{"schema": {"type": "int64", "name": "org.apache.kafka.connect.data.Timestamp"}, "payload": "x"}', 'Invalid type for Timestamp, underlying representation should be integral but was STRING'],
    ['{"schema": {"type": "bytes", "name": "org.apache.kafka.connect.data.Decimal", "parameters": {"scale": "2"}}, "payload": true}', 'Invalid type for Decimal, underlying representation should be numeric or bytes but was BOOLEAN'],
    ['{"schema": {"type": "struct", "fields": [{"field": "s", "type": "string"}]}, "payload": {"s": 5}}', 'Invalid value: null used for required field: "s", schema type: STRING'],
  ])('rejects %s with Kafka\'s message', (json, message) => {
    expect(readError(json).message).toBe(message);
  });

  it.each([
    [Schema.FLOAT64_SCHEMA, true, 'Invalid type for FLOAT64: class java.lang.Boolean'],
    [Schema.INT8_SCHEMA, 300, 'Invalid type for INT8: class java.lang.Integer'],
    [Schema.INT32_SCHEMA, 1.5, 'Invalid type for INT32: class java.lang.Double'],
    [Schema.STRING_SCHEMA, null, 'Conversion error: null value for field that is required and has no default value'],
    [Schema.BYTES_SCHEMA, 'x', 'Invalid type for bytes type: class java.lang.String'],
    [null, new BigDecimal(156n, 2), 'Java class class java.math.BigDecimal does not have corresponding schema type.'],
    [ConnectDate.SCHEMA, 5, 'Invalid type for Date, expected Date but was class java.lang.Integer'],
    [ConnectDate.SCHEMA, new Date(1), 'Kafka Connect Date type should not have any time fields set to non-zero values.'],
  ])('refuses to write %s / %s: %s', (schema, value, message) => {
    expect(writeError(schema, value).message).toBe(message);
  });

  it('refuses a struct whose schema differs from the given one', () => {
    const a = SchemaBuilder.struct().field('a', Schema.INT8_SCHEMA).build();
    const b = SchemaBuilder.struct().field('b', Schema.INT8_SCHEMA).build();

    expect(writeError(a, new Struct(b).put('b', 1)).message).toBe('Mismatching schema.');
  });

  it('rejects an unknown decimal.format with a config error', () => {
    expect(() => converter({ 'decimal.format': 'HEX' })).toThrow(InvalidConfigError);
  });
});
