import { describe, expect, it } from 'vitest';
import { Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { DataError } from '#lib/errors';
import { ValueToKey } from '#lib/transforms/value-to-key';
import { applied, configured, mapOf, withValue } from './records';

const SCHEMA = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).field('b', Schema.INT32_SCHEMA).field('c', Schema.INT32_SCHEMA).build();

describe('ValueToKey', () => {
  it('builds a schemaless key map from value fields', () => {
    const out = applied(configured(new ValueToKey(), { fields: 'a,b' }), withValue(null, mapOf({ a: 1, b: 2, c: 3 })));

    expect([out.keySchema, out.key]).toEqual([null, mapOf({ a: 1, b: 2 })]);
  });

  it('builds a Struct key with the value fields and their schemas', () => {
    const out = applied(configured(new ValueToKey(), { fields: 'a,b' }), withValue(SCHEMA, new Struct(SCHEMA).put('a', 1).put('b', 2).put('c', 3)));

    const expectedSchema = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).field('b', Schema.INT32_SCHEMA).build();
    expect(out.keySchema?.equals(expectedSchema)).toBe(true);
    expect((out.key as Struct).equals(new Struct(expectedSchema).put('a', 1).put('b', 2))).toBe(true);
  });

  it('fails on a field the value schema does not have', () => {
    expect(() => configured(new ValueToKey(), { fields: 'not_exist' }).apply(withValue(SCHEMA, new Struct(SCHEMA).put('a', 1).put('b', 2).put('c', 3)))).toThrow(
      new DataError('Field does not exist: not_exist'),
    );
  });

  it.each([
    ['true', 42],
    ['false', null],
  ])('with replace.null.with.default=%s copies an unset defaulted field as %s', (replace, expected) => {
    const schema = SchemaBuilder.struct().field('optional_with_default', SchemaBuilder.int32().optional().defaultValue(42).build()).build();
    const out = applied(configured(new ValueToKey(), { fields: 'optional_with_default', 'replace.null.with.default': replace }), withValue(schema, new Struct(schema)));

    expect((out.key as Struct).getWithoutDefault('optional_with_default')).toBe(expected);
  });

  it('requires a map for a schemaless value', () => {
    expect(() => configured(new ValueToKey(), { fields: 'a' }).apply(withValue(null, 'x'))).toThrow(
      'Only Map objects supported in absence of schema for [copying fields from value to key], found: java.lang.String',
    );
  });
});
