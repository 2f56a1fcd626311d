import { describe, expect, it } from 'vitest';
import { JsonConverter } from '#lib/converters/json/json-converter';
import { BigDecimal, ConnectDecimal, Schema, SchemaAndValue, SchemaBuilder, Struct, valuesEqual } from '#lib/data/index';

function read(json: string, config: Record<string, string> = {}): SchemaAndValue {
  const c = new JsonConverter();
  c.configure(config, false);
  return c.toConnectData('topic', undefined, Buffer.from(json, 'utf8'));
}

const decimalEnvelope = (scale: number, payload: string): string =>
  `{ "schema": { "type": "bytes", "name": "org.apache.kafka.connect.data.Decimal", "version": 1, "parameters": { "scale": "${scale}" } }, "payload": ${payload} }`;

describe('JsonConverter.toConnectData', () => {
  it('reads a tombstone as a null schema and value', () => {
    const c = new JsonConverter();
    c.configure({}, false);

    expect(c.toConnectData('topic', undefined, null)).toBe(SchemaAndValue.NULL);
  });

  it('accepts numbers with leading zeros, as Kafka configures Jackson', () => {
    expect(read('{ "schema": { "type": "int64" }, "payload": 00000123456789 }').value).toBe(123456789n);
  });

  it('keeps integers beyond 2^53 exact', () => {
    expect(read('{ "schema": { "type": "int64" }, "payload": 9007199254740993 }').value).toBe(9007199254740993n);
    expect(read('123456789012345678', { 'schemas.enable': 'false' }).value).toBe(123456789012345678n);
  });

  it('reads numeric decimals at the scale they were written with', () => {
    expect((read(decimalEnvelope(2, '1.56')).value as BigDecimal).equals(new BigDecimal(156n, 2))).toBe(true);
    expect((read(decimalEnvelope(4, '1.5600')).value as BigDecimal).equals(new BigDecimal(15600n, 4))).toBe(true);
    expect((read(decimalEnvelope(17, '1.23456789123456789')).value as BigDecimal).toString()).toBe('1.23456789123456789');
  });

  it('reads the schema metadata', () => {
    const result = read('{ "schema": { "type": "boolean", "optional": false, "name": "bool", "version": 2, "doc": "the documentation", "parameters": { "foo": "bar" }}, "payload": true }');

    expect(result.schema?.equals(SchemaBuilder.bool().required().name('bool').version(2).doc('the documentation').parameter('foo', 'bar').build())).toBe(true);
  });

  it('uses the default for a null payload unless replace.null.with.default is false', () => {
    const json = '{"schema":{"type":"string","optional":true,"default":"default"},"payload":null}';

    expect(read(json).value).toBe('default');
    expect(read(json, { 'replace.null.with.default': 'false' }).value).toBeNull();
  });

  it('fills missing optional struct fields with null', () => {
    const result = read('{ "schema": { "type": "struct", "fields": [{ "field":"optional", "type": "string", "optional": true }, {  "field": "required", "type": "string" }] }, "payload": { "required": "required" } }');
    const schema = SchemaBuilder.struct().field('optional', Schema.OPTIONAL_STRING_SCHEMA).field('required', Schema.STRING_SCHEMA).build();

    expect((result.value as Struct).equals(new Struct(schema).put('required', 'required'))).toBe(true);
  });

  it('reads plain JSON without schemas: integers as INT64, decimals as FLOAT64, objects as maps in document order', () => {
    const result = read('{ "b": 12, "a": 12.24, "2": [1, "2", 3], "1": null }', { 'schemas.enable': 'false' });

    expect(result.schema).toBeNull();
    expect([...(result.value as Map<string, unknown>).keys()]).toEqual(['b', 'a', '2', '1']);
    expect(valuesEqual(result.value, new Map<string, unknown>([['b', 12n], ['a', 12.24], ['2', [1n, '2', 3n]], ['1', null]]))).toBe(true);
  });

  it('reads empty or blank bytes without schemas as null', () => {
    expect(read('', { 'schemas.enable': 'false' })).toEqual(SchemaAndValue.NULL);
    expect(read('  \n', { 'schemas.enable': 'false' }).value).toBeNull();
  });

  it('ignores content after the first value, as Jackson does', () => {
    expect(read('true false', { 'schemas.enable': 'false' }).value).toBe(true);
  });

  it('reads an envelope whose payload comes before its schema', () => {
    expect(read('{"payload": 5, "schema": {"type": "int32"}}').value).toBe(5);
  });

  it('reads decimals written as base64 with the schema scale', () => {
    expect((read(decimalEnvelope(2, '"AJw="')).value as BigDecimal).equals(new BigDecimal(156n, 2))).toBe(true);
    expect(read(decimalEnvelope(2, '"AJw="')).schema?.equals(ConnectDecimal.schema(2))).toBe(true);
  });

  it('caches schemas by their JSON text', () => {
    const c = new JsonConverter();
    c.configure({}, false);
    const bytes = (json: string): Uint8Array => Buffer.from(json);
    c.toConnectData('t', undefined, bytes('{ "schema": { "type": "boolean" }, "payload": true }'));
    c.toConnectData('t', undefined, bytes('{ "schema": { "type": "boolean" }, "payload": false }'));
    c.toConnectData('t', undefined, bytes('{ "schema": { "type": "boolean", "optional": false }, "payload": true }'));

    expect(c.cacheSizes().toConnect).toBe(2);
  });
});
