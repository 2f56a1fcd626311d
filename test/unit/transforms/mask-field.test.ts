import { describe, expect, it } from 'vitest';
import { BigDecimal, ConnectDate, ConnectDecimal, ConnectTime, ConnectTimestamp, Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { DataError } from '#lib/errors';
import { ConfigException } from '#lib/plugin/config-exception';
import { MaskField } from '#lib/transforms/mask-field';
import { VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, withValue } from './records';

const SCHEMA = SchemaBuilder.struct()
  .field('magic', Schema.INT32_SCHEMA)
  .field('bool', Schema.BOOLEAN_SCHEMA)
  .field('byte', Schema.INT8_SCHEMA)
  .field('short', Schema.INT16_SCHEMA)
  .field('int', Schema.INT32_SCHEMA)
  .field('long', Schema.INT64_SCHEMA)
  .field('float', Schema.FLOAT32_SCHEMA)
  .field('double', Schema.FLOAT64_SCHEMA)
  .field('string', Schema.STRING_SCHEMA)
  .field('date', ConnectDate.SCHEMA)
  .field('time', ConnectTime.SCHEMA)
  .field('timestamp', ConnectTimestamp.SCHEMA)
  .field('decimal', ConnectDecimal.schema(0))
  .field('array', SchemaBuilder.array(Schema.INT32_SCHEMA).build())
  .field('map', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build())
  .field('withDefault', SchemaBuilder.string().optional().defaultValue('default').build())
  .build();

function structValue(): Struct {
  return new Struct(SCHEMA)
    .put('magic', 42).put('bool', true).put('byte', 42).put('short', 42).put('int', 42).put('long', 42n).put('float', 42).put('double', 42)
    .put('string', 'hmm').put('date', new Date(86_400_000)).put('time', new Date(1000)).put('timestamp', new Date(123456))
    .put('decimal', new BigDecimal(42n, 0)).put('array', [1, 2, 3]).put('map', mapOf({ what: 'what' })).put('withDefault', null);
}

const SCHEMALESS = mapOf({ magic: 42, bool: true, int: 42, long: 42n, double: 42.5, string: '55.121.20.20', date: new Date(), bigdec: new BigDecimal(420n, 1), list: [42], map: mapOf({ key: 'value' }) });

function mask(fields: string[], replacement?: string) {
  return configured(new MaskField(VALUE), { fields: fields.join(','), 'replace.null.with.default': 'false', ...(replacement === undefined ? {} : { replacement }) });
}

describe('MaskField', () => {
  it('masks schemaless values with the null value of their Java class', () => {
    const out = applied(mask(['bool', 'int', 'long', 'double', 'string', 'date', 'bigdec', 'list', 'map']), withValue(null, SCHEMALESS)).value as Map<string, unknown>;

    expect(out.get('magic')).toBe(42);
    expect([out.get('bool'), out.get('int'), out.get('long'), out.get('double'), out.get('string')]).toEqual([false, 0, 0n, 0, '']);
    expect(out.get('date')).toEqual(new Date(0));
    expect(out.get('bigdec')).toEqual(new BigDecimal(0n, 0));
    expect([out.get('list'), out.get('map')]).toEqual([[], new Map()]);
  });

  it('masks Struct fields with the null value of their schema type', () => {
    const masked = SCHEMA.fields.map((f) => f.name).filter((n) => n !== 'magic');
    const out = applied(mask(masked), withValue(SCHEMA, structValue())).value as Struct;

    expect([out.get('magic'), out.get('bool'), out.get('byte'), out.get('short'), out.get('int'), out.get('long'), out.get('float'), out.get('double'), out.get('string')]).toEqual([42, false, 0, 0, 0, 0n, 0, 0, '']);
    expect([out.get('date'), out.get('time'), out.get('timestamp')]).toEqual([new Date(0), new Date(0), new Date(0)]);
    expect(out.get('decimal')).toEqual(new BigDecimal(0n, 0));
    expect([out.get('array'), out.get('map'), out.getWithoutDefault('withDefault')]).toEqual([[], new Map(), null]);
  });

  it.each([
    ['byte', '123', 123],
    ['short', '123', 123],
    ['int', '123', 123],
    ['long', '123', 123n],
    ['float', '123.0', 123],
    ['double', '123.0', 123],
    ['string', '123', '123'],
  ])('replaces the %s field of a Struct with the replacement converted to its type', (field, replacement, expected) => {
    expect((applied(mask([field], replacement), withValue(SCHEMA, structValue())).value as Struct).get(field)).toEqual(expected);
  });

  it('replaces a decimal field with the replacement as a BigDecimal', () => {
    expect((applied(mask(['decimal'], '123.0'), withValue(SCHEMA, structValue())).value as Struct).get('decimal')).toEqual(BigDecimal.parse('123.0'));
  });

  it('replaces schemaless numbers and strings with the converted replacement', () => {
    const out = applied(mask(['int', 'long', 'double', 'string', 'bigdec'], '123'), withValue(null, SCHEMALESS)).value as Map<string, unknown>;

    expect([out.get('int'), out.get('long'), out.get('double'), out.get('string'), out.get('bigdec')]).toEqual([123, 123n, 123, '123', BigDecimal.parse('123')]);
  });

  it.each(['date', 'bool', 'list', 'map'])('cannot replace a schemaless %s with a custom replacement', (field) => {
    expect(() => mask([field], '123').apply(withValue(null, SCHEMALESS))).toThrow(DataError);
  });

  it('names the Java class it cannot replace, with Kafka message', () => {
    expect(() => mask(['time'], '123').apply(withValue(SCHEMA, structValue()))).toThrow('Cannot mask value of type class java.util.Date with custom replacement.');
  });

  it('cannot mask bytes with a null value', () => {
    const schema = SchemaBuilder.struct().field('b', Schema.BYTES_SCHEMA).build();

    expect(() => mask(['b']).apply(withValue(schema, new Struct(schema).put('b', new Uint8Array([1]))))).toThrow(new DataError('Cannot mask value of type: class [B'));
  });

  it('rejects a numeric replacement that is not a number', () => {
    expect(() => mask(['int'], 'foo').apply(withValue(null, SCHEMALESS))).toThrow(new DataError('Unable to convert foo (class java.lang.String) to a number'));
  });

  it('rejects a decimal replacement that is not a number', () => {
    expect(() => mask(['bigdec'], 'foo').apply(withValue(null, SCHEMALESS))).toThrow(new DataError('Unable to convert foo (class java.lang.String) to number'));
  });

  it('rejects an empty replacement', () => {
    expect(() => mask(['int'], '')).toThrow(new ConfigException('Invalid value  for configuration replacement: String must be non-empty'));
  });

  it('rejects an empty field list', () => {
    expect(() => configured(new MaskField(VALUE), { fields: '' })).toThrow(new ConfigException('Invalid value [] for configuration fields: Empty list'));
  });

  it('returns mutable empty lists and maps', () => {
    const out = applied(mask(['array', 'map']), withValue(SCHEMA, structValue())).value as Struct;

    (out.get('array') as number[]).push(0);
    (out.get('map') as Map<string, string>).set('k', 'v');
    expect([out.get('array'), out.get('map')]).toEqual([[0], mapOf({ k: 'v' })]);
  });
});
