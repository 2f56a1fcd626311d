import { describe, expect, it } from 'vitest';
import type { Struct } from '#lib/data/index';
import { Schema, SchemaBuilder } from '#lib/data/index';
import { HoistField } from '#lib/transforms/hoist-field';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, withKey } from './records';

describe('HoistField', () => {
  it('wraps a schemaless key in a map', () => {
    const out = applied(configured(new HoistField(KEY), { field: 'magic' }), withKey(null, 42));

    expect([out.keySchema, out.key]).toEqual([null, mapOf({ magic: 42 })]);
  });

  it('wraps a key with a schema in a Struct with one field of that schema', () => {
    const out = applied(configured(new HoistField(KEY), { field: 'magic' }), withKey(Schema.INT32_SCHEMA, 42));

    expect(out.keySchema?.equals(SchemaBuilder.struct().field('magic', Schema.INT32_SCHEMA).build())).toBe(true);
    expect((out.key as Struct).getInt32('magic')).toBe(42);
  });

  it('wraps a null with a schema, keeping the schema', () => {
    const out = applied(configured(new HoistField(VALUE), { field: 'magic' }), withKey(null, null, { valueSchema: Schema.OPTIONAL_INT32_SCHEMA }));

    expect((out.value as Struct).get('magic')).toBeNull();
  });

  it('requires the field name', () => {
    expect(() => configured(new HoistField(VALUE), {})).toThrow('Missing required configuration "field" which has no default value.');
  });
});
