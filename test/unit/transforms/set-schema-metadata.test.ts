import { describe, expect, it } from 'vitest';
import { Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { DataError } from '#lib/errors';
import { ConfigException } from '#lib/plugin/config-exception';
import { SetSchemaMetadata } from '#lib/transforms/set-schema-metadata';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, sinkRecord } from './records';

const STRUCT_SCHEMA = SchemaBuilder.struct().name('my.orig.SchemaDefn').field('f1', Schema.STRING_SCHEMA).field('f2', Schema.INT32_SCHEMA).build();

function metadata(props: Record<string, string>): SetSchemaMetadata {
  return configured(new SetSchemaMetadata(VALUE), props);
}

describe('SetSchemaMetadata', () => {
  it('sets the schema name', () => {
    expect(applied(metadata({ 'schema.name': 'foo' }), sinkRecord({ valueSchema: SchemaBuilder.struct().build(), value: null })).valueSchema?.name).toBe('foo');
  });

  it('sets the schema version', () => {
    expect(applied(metadata({ 'schema.version': '42' }), sinkRecord({ valueSchema: SchemaBuilder.struct().build(), value: null })).valueSchema?.version).toBe(42);
  });

  it('rebuilds a Struct value on the renamed schema', () => {
    const out = applied(metadata({ 'schema.name': 'foo', 'schema.version': '42' }), sinkRecord({ valueSchema: STRUCT_SCHEMA, value: new Struct(STRUCT_SCHEMA).put('f1', 'value1').put('f2', 1) }));

    const value = out.value as Struct;
    expect(value.schema).toBe(out.valueSchema);
    expect([value.schema.name, value.schema.version, value.get('f1'), value.get('f2')]).toEqual(['foo', 42, 'value1', 1]);
  });

  it.each([
    ['true', 42],
    ['false', null],
  ])('with replace.null.with.default=%s copies an unset defaulted field as %s', (replace, expected) => {
    const schema = SchemaBuilder.struct().field('f', SchemaBuilder.int32().optional().defaultValue(42).build()).build();

    const out = applied(metadata({ 'schema.name': 'foo', 'replace.null.with.default': replace }), sinkRecord({ valueSchema: schema, value: new Struct(schema) }));

    expect((out.value as Struct).getWithoutDefault('f')).toBe(expected);
  });

  it('requires a schema for a non-null value', () => {
    expect(() => metadata({ 'schema.name': 'foo' }).apply(sinkRecord({ value: 42 }))).toThrow(new DataError('Schema required for [updating schema metadata]'));
  });

  it('passes a record with neither schema nor value through', () => {
    const record = sinkRecord();

    expect(metadata({ 'schema.name': 'foo' }).apply(record)).toBe(record);
  });

  it('fails on a non-struct schema, as Kafka 3.9 does', () => {
    expect(() => metadata({ 'schema.name': 'foo' }).apply(sinkRecord({ valueSchema: Schema.INT32_SCHEMA, value: 1 }))).toThrow(new DataError('Cannot list fields on non-struct type'));
  });

  it('leaves a non-Struct value as it is in updateSchemaIn', () => {
    expect(metadata({ 'schema.name': 'foo' }).updateSchemaIn(1, Schema.INT32_SCHEMA)).toBe(1);
  });

  it('updates the key schema', () => {
    const out = applied(configured(new SetSchemaMetadata(KEY), { 'schema.name': 'k' }), sinkRecord({ keySchema: STRUCT_SCHEMA, key: null }));

    expect(out.keySchema?.name).toBe('k');
  });

  it('requires a name or a version', () => {
    expect(() => metadata({})).toThrow(new ConfigException('Neither schema name nor version configured'));
  });
});
