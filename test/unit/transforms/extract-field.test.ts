import { describe, expect, it } from 'vitest';
import { Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { DataError } from '#lib/errors';
import { ConfigException } from '#lib/plugin/config-exception';
import { ExtractField } from '#lib/transforms/extract-field';
import { KEY } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, withKey } from './records';

const NESTED = SchemaBuilder.struct().field('inner', SchemaBuilder.struct().field('magic', Schema.INT32_SCHEMA).build()).build();

describe('ExtractField', () => {
  it('extracts a field from a schemaless map', () => {
    const out = applied(configured(new ExtractField(KEY), { field: 'magic' }), withKey(null, mapOf({ magic: 42 })));

    expect([out.keySchema, out.key]).toEqual([null, 42]);
  });

  it('passes a schemaless null through', () => {
    expect(applied(configured(new ExtractField(KEY), { field: 'magic' }), withKey(null, null)).key).toBeNull();
  });

  it('extracts a field from a Struct with its schema', () => {
    const schema = SchemaBuilder.struct().field('magic', Schema.INT32_SCHEMA).build();
    const out = applied(configured(new ExtractField(KEY), { field: 'magic' }), withKey(schema, new Struct(schema).put('magic', 42)));

    expect([out.keySchema, out.key]).toEqual([Schema.INT32_SCHEMA, 42]);
  });

  it('passes a null Struct through with the field schema', () => {
    const schema = SchemaBuilder.struct().field('magic', Schema.INT32_SCHEMA).optional().build();

    expect(applied(configured(new ExtractField(KEY), { field: 'magic' }), withKey(schema, null)).keySchema).toBe(Schema.INT32_SCHEMA);
  });

  it('gives null for a field missing from a schemaless map', () => {
    expect(applied(configured(new ExtractField(KEY), { field: 'nonexistent' }), withKey(null, mapOf({ magic: 42 }))).key).toBeNull();
  });

  it('fails on a field missing from the schema', () => {
    const schema = SchemaBuilder.struct().field('magic', Schema.INT32_SCHEMA).build();

    expect(() => configured(new ExtractField(KEY), { field: 'nonexistent' }).apply(withKey(schema, new Struct(schema).put('magic', 42)))).toThrow(new DataError('Unknown field: nonexistent'));
  });

  it('extracts a nested field with field.syntax.version=V2', () => {
    const value = new Struct(NESTED).put('inner', new Struct(NESTED.field('inner')?.schema as Schema).put('magic', 42));
    const out = applied(configured(new ExtractField(KEY), { field: 'inner.magic', 'field.syntax.version': 'v2' }), withKey(NESTED, value));

    expect([out.keySchema, out.key]).toEqual([Schema.INT32_SCHEMA, 42]);
  });

  it('extracts a nested schemaless field with V2', () => {
    const out = applied(configured(new ExtractField(KEY), { field: 'inner.magic', 'field.syntax.version': 'V2' }), withKey(null, mapOf({ inner: mapOf({ magic: 42 }) })));

    expect(out.key).toBe(42);
  });

  it('treats a dotted name as one field with the default V1', () => {
    const out = applied(configured(new ExtractField(KEY), { field: 'inner.magic' }), withKey(null, mapOf({ 'inner.magic': 1, inner: mapOf({ magic: 42 }) })));

    expect(out.key).toBe(1);
  });

  it('rejects an unknown field.syntax.version', () => {
    expect(() => configured(new ExtractField(KEY), { field: 'a', 'field.syntax.version': 'V3' })).toThrow(
      new ConfigException('Invalid value V3 for configuration field.syntax.version: String must be one of (case insensitive): V1, V2'),
    );
  });
});
