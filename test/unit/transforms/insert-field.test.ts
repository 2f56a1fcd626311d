import { describe, expect, it } from 'vitest';
import { ConnectTimestamp, Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { DataError } from '#lib/errors';
import { ConfigException } from '#lib/plugin/config-exception';
import { InsertField } from '#lib/transforms/insert-field';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, sinkRecord, sourceRecord } from './records';

const ALL_FIELDS = { 'topic.field': 'topic_field!', 'partition.field': 'partition_field', 'timestamp.field': 'timestamp_field?', 'static.field': 'instance_id', 'static.value': 'my-instance-id' };
const SIMPLE = SchemaBuilder.struct().name('name').version(1).doc('doc').field('magic', Schema.OPTIONAL_INT64_SCHEMA).build();

describe('InsertField', () => {
  it('requires a Struct when the value has a schema', () => {
    const xform = configured(new InsertField(VALUE), { 'topic.field': 'topic_field' });

    expect(() => xform.apply(sourceRecord({ valueSchema: Schema.INT32_SCHEMA, value: 42 }))).toThrow(
      new DataError('Only Struct objects supported for [field insertion], found: java.lang.Integer'),
    );
  });

  it('copies the schema basics and inserts the configured fields with their optionality (`!` required, `?` or none optional)', () => {
    const xform = configured(new InsertField(VALUE), ALL_FIELDS);

    const out = applied(xform, sourceRecord({ topic: 'test', valueSchema: SIMPLE, value: new Struct(SIMPLE).put('magic', 42n), timestamp: 789 }));

    const schema = out.valueSchema as Schema;
    const value = out.value as Struct;
    expect([schema.name, schema.version, schema.doc]).toEqual(['name', 1, 'doc']);
    expect(schema.field('magic')?.schema).toBe(Schema.OPTIONAL_INT64_SCHEMA);
    expect(schema.field('topic_field')?.schema).toBe(Schema.STRING_SCHEMA);
    expect(schema.field('partition_field')?.schema).toBe(Schema.OPTIONAL_INT32_SCHEMA);
    expect(schema.field('timestamp_field')?.schema.equals(ConnectTimestamp.builder().optional().build())).toBe(true);
    expect(schema.field('instance_id')?.schema).toBe(Schema.OPTIONAL_STRING_SCHEMA);
    expect([value.get('magic'), value.get('topic_field'), value.get('partition_field'), value.get('instance_id')]).toEqual([42n, 'test', 0, 'my-instance-id']);
    expect((value.get('timestamp_field') as Date).getTime()).toBe(789);
  });

  it('reuses the updated schema for the next record with the same schema', () => {
    const xform = configured(new InsertField(VALUE), ALL_FIELDS);

    const first = applied(xform, sourceRecord({ valueSchema: SIMPLE, value: new Struct(SIMPLE), timestamp: 1 }));
    const second = applied(xform, sourceRecord({ kafkaPartition: 1, valueSchema: SIMPLE, value: new Struct(SIMPLE) }));

    expect(second.valueSchema).toBe(first.valueSchema);
  });

  it('inserts into a schemaless map: partition as Integer, timestamp as Long', () => {
    const xform = configured(new InsertField(VALUE), ALL_FIELDS);

    const out = applied(xform, sourceRecord({ topic: 'test', value: mapOf({ magic: 42n }), timestamp: 123 }));

    expect(out.value).toEqual(mapOf({ magic: 42n, topic_field: 'test', partition_field: 0, timestamp_field: 123n, instance_id: 'my-instance-id' }));
  });

  it('inserts the Kafka offset of a sink record', () => {
    const xform = configured(new InsertField(VALUE), { 'offset.field': 'offset' });

    expect((applied(xform, sinkRecord({ value: mapOf({}), kafkaOffset: 99n })).value as Map<string, unknown>).get('offset')).toBe(99n);
  });

  it('rejects offset insertion for a source record', () => {
    const xform = configured(new InsertField(VALUE), { 'offset.field': 'offset' });

    expect(() => xform.apply(sourceRecord({ value: mapOf({}) }))).toThrow('Only SinkRecord supported for [field insertion], found: org.apache.kafka.connect.source.SourceRecord');
  });

  it('rejects a null copied into a required field, as Struct.put does, before inserting anything', () => {
    const required = SchemaBuilder.struct().field('id', Schema.INT64_SCHEMA).build();
    const xform = configured(new InsertField(VALUE), { 'offset.field': 'offset' });

    expect(() => xform.apply(sourceRecord({ valueSchema: required, value: new Struct(required) }))).toThrow('Invalid value: null used for required field: "id", schema type: INT64');
  });

  it('leaves a schemaless tombstone unchanged', () => {
    const record = sourceRecord({ value: null });

    expect(configured(new InsertField(VALUE), ALL_FIELDS).apply(record)).toBe(record);
  });

  it('leaves a tombstone with a schema unchanged', () => {
    const record = sourceRecord({ valueSchema: SIMPLE, value: null });

    expect(applied(configured(new InsertField(VALUE), ALL_FIELDS), record).valueSchema).toBe(SIMPLE);
  });

  it('inserts key fields into the key of a tombstone, skipping a missing timestamp', () => {
    const out = applied(configured(new InsertField(KEY), ALL_FIELDS), sourceRecord({ key: mapOf({ magic: 42n }) }));

    expect(out.key).toEqual(mapOf({ magic: 42n, topic_field: 'test', partition_field: 0, instance_id: 'my-instance-id' }));
    expect(out.value).toBeNull();
  });

  it('leaves a record with a null key unchanged', () => {
    const record = sourceRecord({ value: mapOf({ magic: 42n }) });

    expect(configured(new InsertField(KEY), ALL_FIELDS).apply(record)).toBe(record);
  });

  it.each([
    ['true', 42n],
    ['false', null],
  ])('with replace.null.with.default=%s copies an unset defaulted field as %s', (replace, expected) => {
    const magic = SchemaBuilder.int64().optional().defaultValue(42n).build();
    const schema = SchemaBuilder.struct().field('magic_with_default', magic).build();
    const xform = configured(new InsertField(VALUE), { ...ALL_FIELDS, 'replace.null.with.default': replace });

    const out = applied(xform, sourceRecord({ valueSchema: schema, value: new Struct(schema).put('magic_with_default', null), timestamp: 789 }));

    expect((out.value as Struct).getWithoutDefault('magic_with_default')).toBe(expected);
  });

  it('rejects a configuration that inserts nothing', () => {
    expect(() => configured(new InsertField(VALUE), {})).toThrow(new ConfigException('No field insertion configured'));
  });

  it('rejects a static field without a static value', () => {
    expect(() => configured(new InsertField(VALUE), { 'static.field': 'x' })).toThrow(/^Invalid value null for configuration static.value: No value specified for static field: /);
  });

  it('reports the version of the Kafka release it follows', () => {
    expect(new InsertField(VALUE).version()).toBe('3.9.0');
  });
});
