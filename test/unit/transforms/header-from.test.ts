import { describe, expect, it } from 'vitest';
import { ConnectHeaders, Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { ConfigException } from '#lib/plugin/config-exception';
import { HeaderFrom } from '#lib/transforms/header-from';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, sourceRecord } from './records';

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
