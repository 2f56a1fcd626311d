import { describe, expect, it } from 'vitest';
import { BigDecimal, ConnectDate, ConnectDecimal, ConnectTime, ConnectTimestamp, Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { DataError } from '#lib/errors';
import { ConfigException } from '#lib/plugin/config-exception';
import { Cast } from '#lib/transforms/cast/cast';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, sourceRecord } from '../records';

const DAY = 86_400_000;

function castValue(spec: string, extra: Record<string, string> = {}): Cast {
  return configured(new Cast(VALUE), { spec, ...extra });
}

function wholeValue(spec: string, valueSchema: Schema | null, value: unknown) {
  return applied(castValue(spec), sourceRecord({ valueSchema, value }));
}

describe('Cast configuration', () => {
  it('requires at least one cast', () => {
    expect(() => castValue('')).toThrow(new ConfigException('Must specify at least one field to cast.'));
  });

  it('rejects an unknown type', () => {
    expect(() => castValue('foo:faketype')).toThrow(new ConfigException('Invalid type found in casting spec: faketype'));
  });

  it.each(['foo:array', 'array', 'foo:bytes'])('rejects the output type in %s', (spec) => {
    expect(() => castValue(spec)).toThrow(/^Cast transformation does not support casting to (ARRAY|BYTES); supported types are \[INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING\]$/);
  });

  it('rejects a mapping with two colons, naming renames as Kafka does', () => {
    expect(() => castValue('foo:int8:extra')).toThrow(new ConfigException('Invalid value [foo:int8:extra] for configuration renames: Invalid rename mapping: foo:int8:extra'));
  });

  it('rejects a whole-value cast mixed with field casts', () => {
    expect(() => castValue('foo:int8,int32')).toThrow(
      new ConfigException('Cast transformations that specify a type to cast the entire value to may only specify a single cast in their spec'),
    );
  });
});

describe('Cast of whole values', () => {
  it('passes a null value with a schema through unchanged', () => {
    const record = sourceRecord({ keySchema: Schema.STRING_SCHEMA, key: 'key', valueSchema: Schema.STRING_SCHEMA, value: null });

    expect(castValue('foo:int64').apply(record)).toBe(record);
  });

  it('passes a null schemaless key through unchanged', () => {
    const record = sourceRecord({ key: null });

    expect(configured(new Cast(KEY), { spec: 'int8' }).apply(record)).toBe(record);
  });

  it('casts a key with a schema', () => {
    const out = applied(configured(new Cast(KEY), { spec: 'int8' }), sourceRecord({ keySchema: Schema.INT32_SCHEMA, key: 42 }));

    expect([out.keySchema?.type, out.key]).toEqual(['INT8', 42]);
  });

  it.each([
    ['int8', 'INT8', 42],
    ['int16', 'INT16', 42],
    ['int32', 'INT32', 42],
    ['int64', 'INT64', 42n],
    ['float32', 'FLOAT32', 42],
    ['float64', 'FLOAT64', 42],
    ['boolean', 'BOOLEAN', true],
    ['string', 'STRING', '42'],
  ])('casts an INT32 value with a schema to %s', (spec, type, expected) => {
    const out = wholeValue(spec, Schema.INT32_SCHEMA, 42);

    expect([out.valueSchema?.type, out.value]).toEqual([type, expected]);
  });

  it('casts 0 to boolean false', () => {
    expect(wholeValue('boolean', Schema.INT32_SCHEMA, 0).value).toBe(false);
  });

  it.each([
    ['int8', 42],
    ['int64', 42n],
    ['float64', 42],
    ['boolean', true],
    ['string', '42'],
  ])('casts a schemaless value to %s', (spec, expected) => {
    const out = wholeValue(spec, null, 42);

    expect([out.valueSchema, out.value]).toEqual([null, expected]);
  });

  it('casts a decimal to string with BigDecimal.toString', () => {
    expect(wholeValue('string', ConnectDecimal.schema(0), new BigDecimal(42n, 0)).value).toBe('42');
  });

  it('casts a timestamp to string in ISO 8601', () => {
    expect(wholeValue('string', ConnectTimestamp.SCHEMA, new Date(DAY + 1)).value).toBe('1970-01-02T00:00:00.001Z');
  });

  it('casts the schema default value too', () => {
    const out = wholeValue('int32', SchemaBuilder.float32().defaultValue(-42.125).build(), 42.125);

    expect([out.valueSchema?.type, out.value, out.valueSchema?.defaultValue]).toEqual(['INT32', 42, -42]);
  });

  it('rejects a schemaless list as an unsupported input type', () => {
    expect(() => wholeValue('int8', null, ['foo'])).toThrow(
      new DataError('Cast transformation does not support casting from ARRAY; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES]'),
    );
  });

  it('rejects a schemaless Date as outside the data API', () => {
    expect(() => wholeValue('int64', null, new Date(0))).toThrow("Cast transformation was passed a value of type class java.util.Date which is not supported by Connect's data API");
  });

  it('reports a string that does not parse as out of range', () => {
    expect(() => wholeValue('int8', Schema.STRING_SCHEMA, '300')).toThrow(new DataError('Value (300) was out of range for requested data type'));
  });

  it('rejects casting bytes to a number', () => {
    expect(() => wholeValue('int32', Schema.BYTES_SCHEMA, new Uint8Array([1]))).toThrow(new DataError('Unexpected type in Cast transformation: class [B'));
  });

  it('narrows like Java: integers wrap, floats saturate', () => {
    expect([wholeValue('int8', Schema.INT32_SCHEMA, 300).value, wholeValue('int32', Schema.FLOAT64_SCHEMA, 1e10).value, wholeValue('int8', Schema.FLOAT64_SCHEMA, 1e10).value]).toEqual([44, 2147483647, -1]);
  });

  it('prints floats as Java does', () => {
    expect([wholeValue('string', Schema.FLOAT32_SCHEMA, Math.fround(1.1)).value, wholeValue('string', Schema.FLOAT64_SCHEMA, 42).value]).toEqual(['1.1', '42.0']);
  });
});

describe('Cast of fields', () => {
  it('casts each field of a Struct and keeps optionality and defaults (cast too)', () => {
    const schema = SchemaBuilder.struct()
      .field('int8', Schema.INT8_SCHEMA).field('int16', Schema.OPTIONAL_INT16_SCHEMA).field('int32', SchemaBuilder.int32().defaultValue(2).build())
      .field('int64', Schema.INT64_SCHEMA).field('float32', Schema.FLOAT32_SCHEMA).field('float64', SchemaBuilder.float64().defaultValue(-1.125).build())
      .field('boolean', Schema.BOOLEAN_SCHEMA).field('string', Schema.STRING_SCHEMA).field('bigdecimal', ConnectDecimal.schema(0))
      .field('date', ConnectDate.SCHEMA).field('optional', Schema.OPTIONAL_FLOAT32_SCHEMA).field('timestamp', ConnectTimestamp.SCHEMA).field('bytes', Schema.BYTES_SCHEMA)
      .build();
    const value = new Struct(schema)
      .put('int8', 8).put('int16', 16).put('int32', 32).put('int64', 64n).put('float32', 32).put('float64', -64).put('boolean', true).put('string', '42')
      .put('bigdecimal', new BigDecimal(42n, 0)).put('date', new Date(DAY)).put('timestamp', new Date(0)).put('bytes', new Uint8Array([0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10]));
    const spec = 'int8:int16,int16:int32,int32:int64,int64:boolean,float32:float64,float64:boolean,boolean:int8,string:int32,bigdecimal:string,date:string,optional:int32,bytes:string';

    const out = applied(castValue(spec), sourceRecord({ valueSchema: schema, value })).value as Struct;

    expect(['int8', 'int16', 'int32', 'int64', 'float32', 'float64', 'boolean', 'string', 'bigdecimal', 'date', 'optional', 'bytes'].map((f) => out.get(f))).toEqual([
      8, 16, 32n, true, 32, true, 1, 42, '42', '1970-01-02', null, '/ty6mHZUMhA=',
    ]);
    expect(out.get('timestamp')).toEqual(new Date(0));
    expect([out.schema.field('int16')?.schema.optional, out.schema.field('int32')?.schema.defaultValue, out.schema.field('float64')?.schema.defaultValue]).toEqual([true, 2n, true]);
    expect(out.schema.field('timestamp')?.schema).toBe(ConnectTimestamp.SCHEMA);
  });

  it('casts logical types to their encoded numbers, and decimals with wrap-around', () => {
    const schema = SchemaBuilder.struct()
      .field('date_to_int32', ConnectDate.SCHEMA).field('timestamp_to_int64', ConnectTimestamp.SCHEMA).field('time_to_int64', ConnectTime.SCHEMA)
      .field('decimal_to_int32', ConnectDecimal.schema(0)).field('null_timestamp_to_int32', ConnectTimestamp.builder().optional().build())
      .build();
    const value = new Struct(schema).put('date_to_int32', new Date(DAY)).put('timestamp_to_int64', new Date(0)).put('time_to_int64', new Date(1)).put('decimal_to_int32', new BigDecimal(2147483648n, 0));

    const out = applied(castValue('date_to_int32:int32,timestamp_to_int64:int64,time_to_int64:int64,decimal_to_int32:int32,null_timestamp_to_int32:int32'), sourceRecord({ valueSchema: schema, value })).value as Struct;

    expect(['date_to_int32', 'timestamp_to_int64', 'time_to_int64', 'decimal_to_int32', 'null_timestamp_to_int32'].map((f) => out.get(f))).toEqual([1, 0n, 1n, -2147483648, null]);
  });

  it('casts the fields of a schemaless map', () => {
    const value = mapOf({ int32: 32, int64: 64n, float64: -64.5, boolean: true, string: '42', other: 'kept' });

    const out = applied(castValue('int32:int64,int64:boolean,float64:boolean,boolean:int8,string:int32'), sourceRecord({ value }));

    expect(out.value).toEqual(mapOf({ int32: 32n, int64: true, float64: true, boolean: 1, string: 42, other: 'kept' }));
  });

  it.each([
    ['true', '10'],
    ['false', null],
  ])('with replace.null.with.default=%s casts an unset defaulted field to %s', (replace, expected) => {
    const schema = SchemaBuilder.struct().field('magic', SchemaBuilder.int32().optional().defaultValue(10).build()).build();

    const out = applied(castValue('magic:string', { 'replace.null.with.default': replace }), sourceRecord({ valueSchema: schema, value: new Struct(schema).put('magic', null) }));

    expect([out.valueSchema?.field('magic')?.schema.type, (out.value as Struct).getWithoutDefault('magic')]).toEqual(['STRING', expected]);
  });
});
