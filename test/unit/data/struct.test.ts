import { describe, expect, it } from 'vitest';
import { Schema, SchemaBuilder, Struct } from '#lib/data/index';

const SCHEMA = SchemaBuilder.struct()
  .field('id', Schema.INT64_SCHEMA)
  .field('name', Schema.OPTIONAL_STRING_SCHEMA)
  .field('n', SchemaBuilder.int32().defaultValue(7).build())
  .build();

describe('Struct', () => {
  it('puts and gets values by field name, storing INT64 numbers as bigints', () => {
    const struct = new Struct(SCHEMA).put('id', 12).put('name', 'x');

    expect(struct.get('id')).toBe(12n);
    expect(struct.getInt64('id')).toBe(12n);
    expect(struct.getString('name')).toBe('x');
  });

  it('falls back to the field default in get but not in getWithoutDefault', () => {
    const struct = new Struct(SCHEMA).put('id', 1n);

    expect(struct.get('n')).toBe(7);
    expect(struct.getWithoutDefault('n')).toBeNull();
  });

  it('shows its values in field order as stored, without defaults', () => {
    const struct = new Struct(SCHEMA).put('id', 12).put('name', 'x');

    expect(Struct.valuesOf(struct)).toEqual([12n, 'x', null]);
  });

  it('rejects invalid puts with the field name in the message', () => {
    const struct = new Struct(SCHEMA);

    expect(() => struct.put('id', null)).toThrow('Invalid value: null used for required field: "id", schema type: INT64');
    expect(() => struct.put('nope', 1)).toThrow('nope is not a valid field name');
    expect(() => struct.getString('id')).toThrow("Field 'id' is not of type STRING");
  });

  it('validates required fields that were never set', () => {
    expect(() => new Struct(SCHEMA).validate()).toThrow('Invalid value: null used for required field: "id", schema type: INT64');
    expect(() => new Struct(SCHEMA).put('id', 1n).validate()).not.toThrow();
  });

  it('is equal to a struct with an equal schema and equal values', () => {
    const other = SchemaBuilder.struct().field('id', Schema.INT64_SCHEMA).field('name', Schema.OPTIONAL_STRING_SCHEMA)
      .field('n', SchemaBuilder.int32().defaultValue(7).build()).build();

    expect(new Struct(SCHEMA).put('id', 1n).equals(new Struct(other).put('id', 1n))).toBe(true);
    expect(new Struct(SCHEMA).put('id', 1n).equals(new Struct(other).put('id', 2n))).toBe(false);
  });

  it('rejects a nested struct whose schema differs', () => {
    const inner = SchemaBuilder.struct().field('a', Schema.INT8_SCHEMA).build();
    const outer = SchemaBuilder.struct().field('inner', inner).build();
    const wrong = new Struct(SchemaBuilder.struct().field('b', Schema.INT8_SCHEMA).build()).put('b', 1);

    expect(() => new Struct(outer).put('inner', wrong)).toThrow('Struct schemas do not match.');
  });

  it('refuses non-struct schemas', () => {
    expect(() => new Struct(Schema.INT8_SCHEMA)).toThrow('Not a struct schema: Schema{INT8}');
  });

  it('takes trusted values as they are, equal to the same values put one by one', () => {
    const struct = Struct.withTrustedValues(SCHEMA, [5n, null, null]);

    expect(struct.equals(new Struct(SCHEMA).put('id', 5n))).toBe(true);
    expect(struct.get('n')).toBe(7);
    expect(struct.getWithoutDefault('n')).toBeNull();
  });

  it('gives new structs their own empty values after taking trusted ones, even after refusing a schema', () => {
    expect(() => Struct.withTrustedValues(Schema.INT8_SCHEMA, [1])).toThrow('Not a struct schema');
    Struct.withTrustedValues(SCHEMA, [1n, 'a', 2]);

    expect(new Struct(SCHEMA).getWithoutDefault('id')).toBeNull();
  });

  it('checks only the nulls among copied values, as put would, and takes the other values as they are', () => {
    const struct = Struct.withCopiedValues(SCHEMA, [3n, undefined, 'not checked'], 2);

    expect(struct.getWithoutDefault('name')).toBeNull();
    expect(struct.getWithoutDefault('n')).toBe('not checked');
    expect(() => Struct.withCopiedValues(SCHEMA, [null, 'x', 1])).toThrow('Invalid value: null used for required field: "id", schema type: INT64');
    expect(() => Struct.withCopiedValues(SCHEMA, [1n, null, null])).toThrow('Invalid value: null used for required field: "n", schema type: INT32');
  });
});
