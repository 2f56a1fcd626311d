import { describe, expect, it } from 'vitest';
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { SourceRecord } from '#lib/data/connect-record';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';
import type { SourceRecordProgress } from '#lib/runtime/errors/source-record-progress';
import { createSourcePipeline } from '#lib/runtime/pipeline/create-source-pipeline';
import type { PipelineOptions } from '#lib/runtime/pipeline/pipeline-options';
import { fakeTime } from '../fake-time';
import { BROKEN, FAILING_HEADERS, FLAKY, FLAKY_STRINGS, headerText, recordingLogger, recordingProducer, setFlakyFailures, testRegistry, text, UPPER } from './test-plugins';

const base = { name: 'file-source', 'connector.class': 'Source' };
const tolerateAll = { 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq', 'errors.deadletterqueue.context.headers.enable': 'true' };
const orderSchema = SchemaBuilder.struct().name('Order').field('id', Schema.INT64_SCHEMA).build();

function sourceRecord(overrides: Partial<SourceRecord> = {}): SourceRecord {
  return {
    topic: 'lines', kafkaPartition: null, keySchema: Schema.STRING_SCHEMA, key: 'k1', valueSchema: Schema.STRING_SCHEMA, value: 'hello',
    timestamp: 1_700_000_000_000, headers: new ConnectHeaders().addString('origin', 'file'),
    sourcePartition: { filename: 'a.txt' }, sourceOffset: { position: 10 },
    ...overrides,
  };
}

function setup(config: Record<string, string>, extra: Partial<PipelineOptions<SourceRecordProgress>> = {}) {
  const producer = recordingProducer();
  const time = fakeTime();
  const pipeline = createSourcePipeline({ ...base, ...config }, { registry: testRegistry(), connectorName: 'file-source', taskId: 0, producer, logger: recordingLogger(), clock: time.clock, sleep: time.sleep, ...extra });
  return { pipeline, producer };
}

describe('source pipeline: conversion', () => {
  it('turns a SourceRecord into a producer record with the worker-default JsonConverter', async () => {
    const { pipeline } = setup({});
    const original = sourceRecord({ kafkaPartition: 2 });
    const { produce, dropped, failed } = await pipeline.process([original]);
    expect(dropped).toEqual([]);
    expect(failed).toEqual([]);
    const [record] = produce;
    expect(record?.topic).toBe('lines');
    expect(record?.partition).toBe(2);
    expect(record?.timestamp).toBe(1_700_000_000_000);
    expect(text(record?.key)).toBe('{"schema":{"type":"string","optional":false},"payload":"k1"}');
    expect(text(record?.value)).toBe('{"schema":{"type":"string","optional":false},"payload":"hello"}');
    expect(headerText(record?.headers ?? [], 'origin')).toBe('file');
    expect(record?.source).toBe(original);
  });

  it('leaves partition and timestamp to the producer when the record has none', async () => {
    const { pipeline } = setup({});
    const { produce } = await pipeline.process([sourceRecord({ timestamp: null })]);
    expect(produce[0]?.partition).toBeUndefined();
    expect(produce[0]?.timestamp).toBeUndefined();
  });

  it('writes a tombstone as a null value', async () => {
    const { pipeline } = setup({});
    const { produce } = await pipeline.process([sourceRecord({ value: null, valueSchema: null })]);
    expect(produce[0]?.value).toBeNull();
  });

  it('converts a struct with its schema', async () => {
    const { pipeline } = setup({ 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false' });
    const { produce } = await pipeline.process([sourceRecord({ valueSchema: orderSchema, value: new Struct(orderSchema).put('id', 5n) })]);
    expect(text(produce[0]?.value)).toBe('{"id":5}');
  });
});

describe('source pipeline: errors.tolerance=all with a DLQ (our extension)', () => {
  it('sends a value that does not match its schema to the DLQ, key as converted and value as JSON', async () => {
    const { pipeline, producer } = setup(tolerateAll);
    const original = sourceRecord({ valueSchema: Schema.INT32_SCHEMA, value: 'abc' });
    const { produce, dropped, failed, dlq } = await pipeline.process([original, sourceRecord()]);
    expect(produce).toHaveLength(1);
    expect(dropped).toEqual([original]);
    expect(failed[0]).toMatchObject({ original, stage: 'VALUE_CONVERTER', executingClass: 'org.apache.kafka.connect.json.JsonConverter' });
    expect(dlq).toEqual(failed);
    const [record] = producer.sent;
    expect(record?.topic).toBe('dlq');
    expect(text(record?.key)).toBe('{"schema":{"type":"string","optional":false},"payload":"k1"}');
    expect(text(record?.value)).toBe('"abc"');
    expect(record?.timestamp).toBe(1_700_000_000_000);
    const headers = record?.headers ?? [];
    expect(headerText(headers, 'origin')).toBe('file');
    expect(headerText(headers, '__connect.errors.topic')).toBe('lines');
    expect(headerText(headers, '__connect.errors.partition')).toBeUndefined();
    expect(headerText(headers, '__connect.errors.offset')).toBeUndefined();
    expect(headerText(headers, '__connect.errors.exception.message')).toBe('Invalid type for INT32: class java.lang.String');
  });

  it('renders key, value and headers as JSON when a transformation fails', async () => {
    const { pipeline, producer } = setup({ ...tolerateAll, transforms: 'b', 'transforms.b.type': BROKEN });
    const value = new Struct(orderSchema).put('id', 5n);
    const { failed } = await pipeline.process([sourceRecord({ valueSchema: orderSchema, value })]);
    expect(failed[0]).toMatchObject({ stage: 'TRANSFORMATION', executingClass: BROKEN });
    const [record] = producer.sent;
    expect(text(record?.key)).toBe('"k1"');
    expect(text(record?.value)).toBe('{"id":5}');
    expect(headerText(record?.headers ?? [], 'origin')).toBe('"file"');
  });

  it('runs the transformations and converters after a retried transformation on its result, and the next records as usual', async () => {
    setFlakyFailures(1);
    const { pipeline } = setup({ 'errors.retry.timeout': '60000', transforms: 'f,up', 'transforms.f.type': FLAKY, 'transforms.up.type': UPPER });
    const { produce, failed } = await pipeline.process([sourceRecord(), sourceRecord()]);
    expect(failed).toEqual([]);
    expect(produce.map((r) => text(r.value))).toEqual(['{"schema":{"type":"string","optional":false},"payload":"HELLO"}', '{"schema":{"type":"string","optional":false},"payload":"HELLO"}']);
    expect(produce.map((r) => text(r.key))).toEqual(['{"schema":{"type":"string","optional":false},"payload":"k1"}', '{"schema":{"type":"string","optional":false},"payload":"k1"}']);
  });

  it('runs the value converter after a retried key converter', async () => {
    setFlakyFailures(1);
    const { pipeline } = setup({ 'errors.retry.timeout': '60000', 'key.converter': FLAKY_STRINGS });
    const { produce, failed } = await pipeline.process([sourceRecord(), sourceRecord()]);
    expect(failed).toEqual([]);
    expect(produce.map((r) => [text(r.key), text(r.value), headerText(r.headers, 'origin')])).toEqual([
      ['k1', '{"schema":{"type":"string","optional":false},"payload":"hello"}', 'file'],
      ['k1', '{"schema":{"type":"string","optional":false},"payload":"hello"}', 'file'],
    ]);
  });

  it('names the target topic after transformations ran', async () => {
    const { pipeline, producer } = setup({ ...tolerateAll, transforms: 'up,b', 'transforms.up.type': UPPER, 'transforms.b.type': BROKEN });
    await pipeline.process([sourceRecord()]);
    expect(text(producer.sent[0]?.value)).toBe('"HELLO"');
  });

  it('reports a header converter failure as stage HEADER_CONVERTER', async () => {
    const { pipeline } = setup({ ...tolerateAll, 'header.converter': FAILING_HEADERS });
    const { failed } = await pipeline.process([sourceRecord()]);
    expect(failed[0]).toMatchObject({ stage: 'HEADER_CONVERTER', executingClass: FAILING_HEADERS });
  });

  it('reports a key converter failure as stage KEY_CONVERTER', async () => {
    const { pipeline } = setup(tolerateAll);
    const { failed } = await pipeline.process([sourceRecord({ keySchema: Schema.INT64_SCHEMA, key: 'x' })]);
    expect(failed[0]?.stage).toBe('KEY_CONVERTER');
  });
});

describe('source pipeline: errors.tolerance=none', () => {
  it('fails the batch on a conversion failure', async () => {
    const { pipeline } = setup({});
    await expect(pipeline.process([sourceRecord({ valueSchema: Schema.INT32_SCHEMA, value: 'abc' })])).rejects.toMatchObject({ message: 'Tolerance exceeded in error handler' });
  });

  it('fails the batch on a transformation failure', async () => {
    const { pipeline } = setup({ transforms: 'b', 'transforms.b.type': BROKEN });
    await expect(pipeline.process([sourceRecord()])).rejects.toThrow('Tolerance exceeded in error handler');
  });

  it('needs a producer when a DLQ topic is configured', () => {
    expect(() => setup({ 'errors.deadletterqueue.topic.name': 'dlq' }, { producer: undefined })).toThrow('A producer is needed for the dead letter queue topic dlq');
  });
});

describe('source pipeline: transformations and predicates', () => {
  it('drops filtered records, listing them for offset commits', async () => {
    const { pipeline } = setup({ transforms: 'drop', 'transforms.drop.type': 'Filter' });
    const original = sourceRecord();
    const { produce, dropped, failed } = await pipeline.process([original]);
    expect(produce).toEqual([]);
    expect(dropped).toEqual([original]);
    expect(failed).toEqual([]);
  });

  it('drops only records whose topic the predicate does not match, with negate=true', async () => {
    const { pipeline } = setup({
      transforms: 'drop', 'transforms.drop.type': 'Filter', 'transforms.drop.predicate': 'isLines', 'transforms.drop.negate': 'true',
      predicates: 'isLines', 'predicates.isLines.type': 'TopicNameMatches', 'predicates.isLines.pattern': 'lines',
    });
    const { produce, dropped } = await pipeline.process([sourceRecord(), sourceRecord({ topic: 'other' })]);
    expect(produce.map((r) => r.topic)).toEqual(['lines']);
    expect(dropped.map((r) => r.topic)).toEqual(['other']);
  });
});

describe('source pipeline: InsertField then ReplaceField on schemaless values (applied as one step)', () => {
  const INSERT_FIELD = 'org.apache.kafka.connect.transforms.InsertField$Value';
  const twoSmts = {
    'value.converter': 'JsonConverter', 'value.converter.schemas.enable': 'false', transforms: 'insert,replace',
    'transforms.insert.type': INSERT_FIELD, 'transforms.insert.static.field': 'via', 'transforms.insert.static.value': 'lc',
    'transforms.replace.type': 'org.apache.kafka.connect.transforms.ReplaceField$Value', 'transforms.replace.renames': 'customer:name',
  };
  const order = () => new Map<string, unknown>([['id', 1n], ['customer', 'Ada']]);

  it('writes the value both transformations give, and leaves the polled record unchanged', async () => {
    const { pipeline } = setup(twoSmts);
    const original = sourceRecord({ valueSchema: null, value: order() });
    const { produce } = await pipeline.process([original]);
    expect(text(produce[0]?.value)).toBe('{"id":1,"name":"Ada","via":"lc"}');
    expect([...(original.value as Map<string, unknown>)]).toEqual([...order()]);
  });

  it('attributes a failure to InsertField, with the record it was given in the DLQ', async () => {
    const { pipeline, producer } = setup({ ...tolerateAll, ...twoSmts, 'transforms.insert.offset.field': 'offset' });
    const { failed } = await pipeline.process([sourceRecord({ valueSchema: null, value: order() })]);
    expect(failed[0]).toMatchObject({ stage: 'TRANSFORMATION', executingClass: INSERT_FIELD });
    expect(failed[0]?.error).toMatchObject({ message: 'Only SinkRecord supported for [field insertion], found: org.apache.kafka.connect.source.SourceRecord' });
    expect(headerText(producer.sent[0]?.headers ?? [], '__connect.errors.class.name')).toBe(INSERT_FIELD);
    expect(text(producer.sent[0]?.value)).toBe('{"id":1,"customer":"Ada"}');
  });
});
