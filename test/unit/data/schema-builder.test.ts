import { describe, expect, it } from 'vitest';
import { Schema, SchemaBuilder, SchemaBuilderError, Struct } from '#lib/data/index';

describe('SchemaBuilder', () => {
  it('builds a struct schema with metadata and ordered fields', () => {
    const schema = SchemaBuilder.struct().name('x').version(2).doc('d').field('id', Schema.INT64_SCHEMA)
      .field('name', Schema.OPTIONAL_STRING_SCHEMA).optional().build();

    expect(schema.type).toBe('STRUCT');
    expect(schema.optional).toBe(true);
    expect([schema.name, schema.version, schema.doc]).toEqual(['x', 2, 'd']);
    expect(schema.fields.map((f) => [f.name, f.index])).toEqual([['id', 0], ['name', 1]]);
    expect(schema.field('name')?.schema).toBe(Schema.OPTIONAL_STRING_SCHEMA);
  });

  it('keeps parameters in insertion order', () => {
    const schema = SchemaBuilder.string().parameter('b', '1').parameter('2', 'x').parameter('a', '3').build();

    expect([...(schema.parameters ?? [])]).toEqual([['b', '1'], ['2', 'x'], ['a', '3']]);
  });

  it('refuses to set an attribute twice with different values', () => {
    expect(() => SchemaBuilder.int8().name('a').name('b')).toThrow('Invalid SchemaBuilder call: name has already been set.');
    expect(() => SchemaBuilder.int8().required().optional()).toThrow(SchemaBuilderError);
    expect(() => SchemaBuilder.int8().version(1).version(1)).not.toThrow();
  });

  it('rejects duplicate fields and fields on non-structs with Kafka messages', () => {
    expect(() => SchemaBuilder.struct().field('a', Schema.INT8_SCHEMA).field('a', Schema.INT8_SCHEMA))
      .toThrow('Cannot create field because of field name duplication a');
    expect(() => SchemaBuilder.int8().field('a', Schema.INT8_SCHEMA)).toThrow('Cannot create fields on type INT8');
    expect(() => SchemaBuilder.struct().field('', Schema.INT8_SCHEMA)).toThrow('fieldName cannot be null.');
  });

  it('validates default values against the schema', () => {
    expect(() => SchemaBuilder.int8().defaultValue('x')).toThrow('Invalid default value');
    expect(SchemaBuilder.int64().defaultValue(5).build().defaultValue).toBe(5n);
    expect(SchemaBuilder.string().optional().defaultValue(null).build().defaultValue).toBeUndefined();
  });

  it('accepts a struct default whose schema matches the schema being built', () => {
    const builder = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA);
    const dflt = new Struct(builder.build()).put('a', 1);

    expect(builder.defaultValue(dflt).build().defaultValue).toBe(dflt);
  });

  it('compares schemas structurally', () => {
    const a = SchemaBuilder.map(Schema.STRING_SCHEMA, SchemaBuilder.array(Schema.INT32_SCHEMA).build()).name('m').build();
    const b = SchemaBuilder.map(Schema.STRING_SCHEMA, SchemaBuilder.array(Schema.INT32_SCHEMA).build()).name('m').build();
    const c = SchemaBuilder.map(Schema.STRING_SCHEMA, SchemaBuilder.array(Schema.INT64_SCHEMA).build()).name('m').build();

    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    expect(SchemaBuilder.int8().defaultValue(1).build().equals(SchemaBuilder.int8().defaultValue(2).build())).toBe(false);
  });

  it('throws when asking a primitive schema for fields, keys or values', () => {
    expect(() => Schema.INT8_SCHEMA.fields).toThrow('Cannot list fields on non-struct type');
    expect(() => Schema.INT8_SCHEMA.field('a')).toThrow('Cannot look up fields on non-struct type');
    expect(() => Schema.INT8_SCHEMA.keySchema).toThrow('Cannot look up key schema on non-map type');
    expect(() => Schema.INT8_SCHEMA.valueSchema).toThrow('Cannot look up value schema on non-array and non-map type');
  });

  it('renders schemas like Kafka', () => {
    expect(Schema.INT8_SCHEMA.toString()).toBe('Schema{INT8}');
    expect(SchemaBuilder.int8().name('n').build().toString()).toBe('Schema{n:INT8}');
  });
});
