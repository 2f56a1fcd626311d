import { describe, expect, it } from 'vitest';
import { Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { DataError } from '#lib/errors';
import { Flatten } from '#lib/transforms/flatten/flatten';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, sourceRecord } from '../records';

const SUPPORTED = SchemaBuilder.struct()
  .field('int8', Schema.INT8_SCHEMA).field('int64', Schema.INT64_SCHEMA).field('float64', Schema.FLOAT64_SCHEMA)
  .field('boolean', Schema.BOOLEAN_SCHEMA).field('string', Schema.STRING_SCHEMA).field('bytes', Schema.BYTES_SCHEMA)
  .build();
const ONE_LEVEL = SchemaBuilder.struct().field('B', SUPPORTED).build();
const TWO_LEVEL = SchemaBuilder.struct().field('A', ONE_LEVEL).build();

function flatten(props: Record<string, string> = {}): Flatten {
  return configured(new Flatten(VALUE), props);
}

describe('Flatten', () => {
  it('requires a Struct with a schema', () => {
    expect(() => flatten().apply(sourceRecord({ valueSchema: Schema.INT32_SCHEMA, value: 42 }))).toThrow(new DataError('Only Struct objects supported for [flattening], found: java.lang.Integer'));
  });

  it('requires a Map without a schema', () => {
    expect(() => flatten().apply(sourceRecord({ value: 42 }))).toThrow(new DataError('Only Map objects supported in absence of schema for [flattening], found: java.lang.Integer'));
  });

  it('flattens nested Structs, joining names with the default delimiter', () => {
    const inner = new Struct(SUPPORTED).put('int8', 8).put('int64', 64n).put('float64', 64).put('boolean', true).put('string', 'stringy').put('bytes', new Uint8Array([1]));
    const value = new Struct(TWO_LEVEL).put('A', new Struct(ONE_LEVEL).put('B', inner));

    const out = applied(flatten(), sourceRecord({ valueSchema: TWO_LEVEL, value })).value as Struct;

    expect(out.schema.fields.map((f) => f.name)).toEqual(['A.B.int8', 'A.B.int64', 'A.B.float64', 'A.B.boolean', 'A.B.string', 'A.B.bytes']);
    expect([out.getInt8('A.B.int8'), out.getInt64('A.B.int64'), out.getString('A.B.string'), out.getBytes('A.B.bytes')]).toEqual([8, 64n, 'stringy', new Uint8Array([1])]);
  });

  it('flattens nested maps with a configured delimiter', () => {
    const value = mapOf({ A: mapOf({ B: mapOf({ int8: 8, string: 'stringy', list: [1] }) }), top: true });

    expect(applied(flatten({ delimiter: '#' }), sourceRecord({ value })).value).toEqual(mapOf({ 'A#B#int8': 8, 'A#B#string': 'stringy', 'A#B#list': [1], top: true }));
  });

  it('makes fields under an optional struct optional and flattens a null nested struct to nulls', () => {
    const optionalInner = SchemaBuilder.struct().optional().field('opt_int32', Schema.OPTIONAL_INT32_SCHEMA).build();
    const schema = SchemaBuilder.struct().field('B', optionalInner).build();

    const out = applied(flatten(), sourceRecord({ valueSchema: schema, value: new Struct(schema).put('B', null) })).value as Struct;

    expect(out.get('B.opt_int32')).toBeNull();
  });

  it('keeps an optional top-level null with the flattened schema', () => {
    const schema = SchemaBuilder.struct().optional().field('opt_int32', Schema.OPTIONAL_INT32_SCHEMA).build();
    const record = sourceRecord({ valueSchema: schema, value: null });

    expect(flatten().apply(record)).toBe(record);
  });

  it('takes optionality and defaults for flattened fields from their ancestors', () => {
    const builder = SchemaBuilder.struct().optional().field('req_field', Schema.STRING_SCHEMA).field('opt_field', SchemaBuilder.string().optional().defaultValue('child_default').build());
    const schema = builder.defaultValue(new Struct(builder.build()).put('req_field', 'req_default')).build();

    const out = applied(flatten(), sourceRecord({ valueSchema: schema, value: new Struct(schema) })).valueSchema as Schema;

    expect(out.field('req_field')?.schema.equals(SchemaBuilder.string().optional().defaultValue('req_default').build())).toBe(true);
    expect(out.field('opt_field')?.schema.equals(SchemaBuilder.string().optional().defaultValue('child_default').build())).toBe(true);
  });

  it('keeps arrays as they are, with a schema', () => {
    const schema = SchemaBuilder.struct().field('list', SchemaBuilder.array(Schema.INT32_SCHEMA).build()).build();

    const out = applied(flatten(), sourceRecord({ valueSchema: schema, value: new Struct(schema).put('list', [1, 2]) })).value as Struct;

    expect([out.schema.field('list')?.schema.equals(schema.field('list')?.schema), out.get('list')]).toEqual([true, [1, 2]]);
  });

  it('rejects a schemaless top-level array: only maps are flattened', () => {
    expect(() => flatten().apply(sourceRecord({ value: [1] }))).toThrow('Only Map objects supported in absence of schema for [flattening], found: java.util.ArrayList');
  });

  it('rejects a MAP field inside a schema', () => {
    const schema = SchemaBuilder.struct().field('m', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()).build();

    expect(() => flatten().apply(sourceRecord({ valueSchema: schema, value: new Struct(schema).put('m', new Map()) }))).toThrow(
      new DataError('Flatten transformation does not support MAP for record with schemas (for field m).'),
    );
  });

  it('rejects schemaless values outside the data API', () => {
    expect(() => flatten().apply(sourceRecord({ value: mapOf({ d: new Date(0) }) }))).toThrow(
      "Flatten transformation was passed a value of type class java.util.Date which is not supported by Connect's data API",
    );
  });

  it('keeps null map entries in order', () => {
    const value = mapOf({ firstNull: null, firstNonNull: 'nonNull', secondNull: null, secondNonNull: 'alsoNonNull', thirdNonNull: null });

    expect([...(applied(flatten(), sourceRecord({ value })).value as Map<string, unknown>)]).toEqual([...value]);
  });

  it('passes tombstones through, with or without a schema', () => {
    const record = sourceRecord({ valueSchema: SUPPORTED, value: null });

    expect(flatten().apply(record)).toBe(record);
  });

  it('flattens a key', () => {
    const out = applied(configured(new Flatten(KEY)), sourceRecord({ key: mapOf({ A: mapOf({ B: 12 }) }) }));

    expect(out.key).toEqual(mapOf({ 'A.B': 12 }));
  });
});
