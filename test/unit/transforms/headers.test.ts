import { describe, expect, it } from 'vitest';
import { ConnectHeaders, Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { ConfigException } from '#lib/plugin/config-exception';
import { DropHeaders } from '#lib/transforms/drop-headers';
import { HeaderFrom } from '#lib/transforms/header-from';
import { InsertHeader } from '#lib/transforms/insert-header';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, sourceRecord } from './records';

function headers(...entries: [string, string][]): ConnectHeaders {
  const result = new ConnectHeaders();
  for (const [key, value] of entries) result.addString(key, value);
  return result;
}

describe('InsertHeader', () => {
  it('adds the header next to existing ones, leaving the input headers alone', () => {
    const original = headers(['existing', 'existing-value']);
    const record = sourceRecord({ headers: original });

    const out = applied(configured(new InsertHeader(), { header: 'inserted', 'value.literal': 'inserted-value' }), record);

    expect(out.headers.equals(headers(['existing', 'existing-value'], ['inserted', 'inserted-value']))).toBe(true);
    expect(original.size).toBe(1);
  });

  it('adds a second header with an existing name', () => {
    const out = applied(configured(new InsertHeader(), { header: 'existing', 'value.literal': 'inserted-value' }), sourceRecord({ headers: headers(['existing', 'preexisting-value']) }));

    expect(out.headers.equals(headers(['existing', 'preexisting-value'], ['existing', 'inserted-value']))).toBe(true);
  });

  it('parses the literal as Kafka Values do: "1" is an INT8', () => {
    const out = applied(configured(new InsertHeader(), { header: 'inserted', 'value.literal': '1' }), sourceRecord());

    expect(out.headers.equals(new ConnectHeaders().addByte('inserted', 1))).toBe(true);
  });

  it('keeps the rest of the record', () => {
    const record = sourceRecord({ topic: 't', key: 'k', value: 'v', timestamp: 5 });

    expect({ ...applied(configured(new InsertHeader(), { header: 'h', 'value.literal': 'x' }), record), headers: record.headers }).toEqual(record);
  });

  it.each([['header'], ['value.literal']])('requires %s', (key) => {
    const props = { header: 'h', 'value.literal': 'v' } as Record<string, string>;
    delete props[key];

    expect(() => configured(new InsertHeader(), props)).toThrow(ConfigException);
  });
});

describe('DropHeaders', () => {
  it('drops every header with a listed name, keeping the others in order', () => {
    const record = sourceRecord({ headers: headers(['dropped', 'a'], ['kept', 'b'], ['dropped', 'c'], ['other', 'd']) });

    const out = applied(configured(new DropHeaders(), { headers: 'dropped,other' }), record);

    expect(out.headers.equals(headers(['kept', 'b']))).toBe(true);
    expect(record.headers.size).toBe(4);
  });

  it('changes nothing when no header matches', () => {
    expect(applied(configured(new DropHeaders(), { headers: 'nope' }), sourceRecord({ headers: headers(['kept', 'b']) })).headers.equals(headers(['kept', 'b']))).toBe(true);
  });

  it('rejects an empty list', () => {
    expect(() => configured(new DropHeaders(), { headers: '' })).toThrow(new ConfigException('Invalid value [] for configuration headers: Empty list'));
  });
});

describe('HeaderFrom', () => {
  const SCHEMA = SchemaBuilder.struct().field('field1', Schema.STRING_SCHEMA).field('field2', Schema.INT32_SCHEMA).field('field3', Schema.OPTIONAL_STRING_SCHEMA).build();
  const value = () => new Struct(SCHEMA).put('field1', 'a').put('field2', 2).put('field3', 'c');

  it('copies Struct fields to headers with their schemas', () => {
    const out = applied(configured(new HeaderFrom(VALUE), { fields: 'field1,field2', headers: 'h1,h2', operation: 'copy' }), sourceRecord({ valueSchema: SCHEMA, value: value() }));

    expect(out.valueSchema).toBe(SCHEMA);
    expect(out.headers.equals(new ConnectHeaders().add('h1', 'a', Schema.STRING_SCHEMA).add('h2', 2, Schema.INT32_SCHEMA))).toBe(true);
  });

  it('moves Struct fields, removing them from the schema', () => {
    const out = applied(configured(new HeaderFrom(VALUE), { fields: 'field1', headers: 'h1', operation: 'move' }), sourceRecord({ valueSchema: SCHEMA, value: value() }));

    expect((out.value as Struct).schema.fields.map((f) => f.name)).toEqual(['field2', 'field3']);
    expect([(out.value as Struct).get('field2'), out.headers.lastWithName('h1')?.value]).toEqual([2, 'a']);
  });

  it('moves schemaless fields from a key, headers without schemas', () => {
    const out = applied(configured(new HeaderFrom(KEY), { fields: 'a,missing', headers: 'ha,hm', operation: 'move' }), sourceRecord({ key: mapOf({ a: 1, b: 2 }) }));

    expect(out.key).toEqual(mapOf({ b: 2 }));
    expect([out.headers.lastWithName('ha')?.value, out.headers.lastWithName('ha')?.schema, out.headers.lastWithName('hm')?.value]).toEqual([1, null, null]);
  });

  it('leaves the input headers alone', () => {
    const record = sourceRecord({ value: mapOf({ a: 1 }) });

    applied(configured(new HeaderFrom(VALUE), { fields: 'a', headers: 'h', operation: 'copy' }), record);

    expect(record.headers.size).toBe(0);
  });

  it('requires as many headers as fields', () => {
    expect(() => configured(new HeaderFrom(VALUE), { fields: 'a,b', headers: 'h', operation: 'copy' })).toThrow(
      new ConfigException("'fields' config must have the same number of elements as 'headers' config."),
    );
  });

  it('rejects an unknown operation', () => {
    expect(() => configured(new HeaderFrom(VALUE), { fields: 'a', headers: 'h', operation: 'rename' })).toThrow(
      new ConfigException('Invalid value rename for configuration operation: String must be one of: move, copy'),
    );
  });

  it('rejects empty field and header lists', () => {
    expect(() => configured(new HeaderFrom(VALUE), { fields: '', headers: '', operation: 'copy' })).toThrow(new ConfigException('Invalid value [] for configuration fields: Empty list'));
  });
});
