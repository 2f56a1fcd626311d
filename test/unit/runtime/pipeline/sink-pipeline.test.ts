import { describe, expect, it } from 'vitest';
import type { SinkRecord } from '#lib/data/connect-record';
import { Schema } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import { createSinkPipeline } from '#lib/runtime/pipeline/create-sink-pipeline';
import type { PipelineOptions } from '#lib/runtime/pipeline/pipeline-options';
import { fakeTime } from '../fake-time';
import { BROKEN, FAILING_HEADERS, FLAKY, FLAKY_STRINGS, headerText, recordingLogger, recordingProducer, setFlakyFailures, testRegistry, text, UPPER, utf8 } from './test-plugins';

const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';
const base = { name: 'pg-sink', 'connector.class': 'Sink', topics: 'orders' };
const tolerateAll = { 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq', 'errors.deadletterqueue.context.headers.enable': 'true' };

function consumed(value: string | null, overrides: Partial<ConsumerRecord> = {}): ConsumerRecord {
  return {
    topic: 'orders', partition: 0, offset: 7n, timestamp: 1_700_000_000_000, timestampType: 'CREATE_TIME',
    key: utf8('{"schema":{"type":"string","optional":false},"payload":"k1"}'),
    value: value === null ? null : utf8(value),
    headers: [{ key: 'source', value: utf8('web') }],
    ...overrides,
  };
}

const INT_VALUE = '{"schema":{"type":"int32","optional":false},"payload":42}';
const STRING_VALUE = '{"schema":{"type":"string","optional":false},"payload":"hello"}';

function setup(config: Record<string, string>, extra: Partial<PipelineOptions<ConsumerRecord>> = {}) {
  const producer = recordingProducer();
  const logger = recordingLogger();
  const time = fakeTime();
  const pipeline = createSinkPipeline({ ...base, ...config }, { registry: testRegistry(), connectorName: 'pg-sink', taskId: 1, producer, logger, clock: time.clock, sleep: time.sleep, ...extra });
  return { pipeline, producer, logger, time };
}

describe('sink pipeline: conversion', () => {
  it('turns consumed bytes into a SinkRecord with the worker-default JsonConverter', async () => {
    const { pipeline } = setup({});
    const { records, failed, filtered } = await pipeline.process([consumed(INT_VALUE)]);
    expect(failed).toEqual([]);
    expect(filtered).toBe(0);
    const [record] = records as [SinkRecord];
    expect(record).toMatchObject({
      topic: 'orders', kafkaPartition: 0, key: 'k1', value: 42, timestamp: 1_700_000_000_000, timestampType: 'CREATE_TIME',
      kafkaOffset: 7n, originalTopic: 'orders', originalKafkaPartition: 0, originalKafkaOffset: 7n,
    });
    expect(record.valueSchema?.equals(Schema.INT32_SCHEMA)).toBe(true);
    expect(record.headers.lastWithName('source')?.value).toBe('web');
  });

  it("uses the connector's own converter settings over the worker's", async () => {
    const { pipeline } = setup({ 'value.converter': 'JsonConverter', 'value.converter.schemas.enable': 'false' });
    const { records } = await pipeline.process([consumed('{"id":1}')]);
    expect(records[0]?.valueSchema).toBeNull();
    expect(records[0]?.value).toEqual(new Map([['id', 1n]]));
  });

  it('passes a tombstone through as a null value and schema', async () => {
    const { pipeline } = setup({});
    const { records } = await pipeline.process([consumed(null)]);
    expect(records[0]).toMatchObject({ value: null, valueSchema: null });
  });

  it('gives a record consumed without a timestamp a null timestamp', async () => {
    const { pipeline } = setup({});
    const { records } = await pipeline.process([consumed(INT_VALUE, { timestamp: -1, timestampType: 'NO_TIMESTAMP_TYPE' })]);
    expect(records[0]?.timestamp).toBeNull();
  });
});

describe('sink pipeline: errors.tolerance=all with a DLQ', () => {
  it('sends malformed JSON to the DLQ as consumed, with stage VALUE_CONVERTER, and carries on', async () => {
    const { pipeline, producer } = setup(tolerateAll);
    const bad = consumed('{not json', { offset: 8n });
    const { records, failed, dlq } = await pipeline.process([consumed(INT_VALUE), bad, consumed(INT_VALUE, { offset: 9n })]);
    expect(records.map((r) => r.kafkaOffset)).toEqual([7n, 9n]);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ original: bad, stage: 'VALUE_CONVERTER', executingClass: JSON_CONVERTER, attempts: 1 });
    expect(dlq).toEqual(failed);
    expect(producer.sent).toHaveLength(1);
    const [record] = producer.sent;
    expect(record?.topic).toBe('dlq');
    expect(text(record?.value)).toBe('{not json');
    expect(record?.key).toBe(bad.key);
    expect(headerText(record?.headers ?? [], 'source')).toBe('web');
    expect(headerText(record?.headers ?? [], '__connect.errors.stage')).toBe('VALUE_CONVERTER');
    expect(headerText(record?.headers ?? [], '__connect.errors.offset')).toBe('8');
    expect(headerText(record?.headers ?? [], '__connect.errors.exception.message')).toBe('Converting byte[] to Kafka Connect data failed due to serialization error: ');
  });

  it('sends plain JSON under schemas.enable=true (a schema mismatch) to the DLQ', async () => {
    const { pipeline, producer } = setup(tolerateAll);
    const { failed } = await pipeline.process([consumed('{"id":1}')]);
    expect(failed[0]?.stage).toBe('VALUE_CONVERTER');
    expect(headerText(producer.sent[0]?.headers ?? [], '__connect.errors.exception.class.name')).toBe('org.apache.kafka.connect.errors.DataException');
  });

  it('reports a key converter failure as stage KEY_CONVERTER', async () => {
    const { pipeline } = setup(tolerateAll);
    const { failed } = await pipeline.process([consumed(INT_VALUE, { key: utf8('nope') })]);
    expect(failed[0]).toMatchObject({ stage: 'KEY_CONVERTER', executingClass: JSON_CONVERTER });
  });

  it('reports a header converter failure as stage HEADER_CONVERTER with its class', async () => {
    const { pipeline } = setup({ ...tolerateAll, 'header.converter': FAILING_HEADERS });
    const { failed, records } = await pipeline.process([consumed(INT_VALUE)]);
    expect(records).toEqual([]);
    expect(failed[0]).toMatchObject({ stage: 'HEADER_CONVERTER', executingClass: FAILING_HEADERS });
  });

  it('reports a transformation failure as stage TRANSFORMATION with its class', async () => {
    const { pipeline, producer } = setup({ ...tolerateAll, transforms: 'up,broken', 'transforms.up.type': UPPER, 'transforms.broken.type': BROKEN });
    const { failed } = await pipeline.process([consumed(STRING_VALUE)]);
    expect(failed[0]).toMatchObject({ stage: 'TRANSFORMATION', executingClass: BROKEN });
    expect(text(producer.sent[0]?.value)).toBe(STRING_VALUE);
  });

  it('skips failed records without writing anything when no DLQ topic is set', async () => {
    const { pipeline, producer } = setup({ 'errors.tolerance': 'all' });
    const { failed, dlq } = await pipeline.process([consumed('{not json')]);
    expect(failed).toHaveLength(1);
    expect(dlq).toEqual([]);
    expect(producer.sent).toEqual([]);
  });

  it("logs failures in Kafka's format with errors.log.enable=true", async () => {
    const { pipeline, logger } = setup({ 'errors.tolerance': 'all', 'errors.log.enable': 'true', 'errors.log.include.messages': 'true' });
    await pipeline.process([consumed('{not json')]);
    expect(logger.lines.map((l) => l.message)).toEqual([
      `Error encountered in task pg-sink-1. Executing stage 'VALUE_CONVERTER' with class '${JSON_CONVERTER}', where consumed record is {topic='orders', partition=0, offset=7, timestamp=1700000000000, timestampType=CreateTime}.`,
    ]);
  });
});

describe('sink pipeline: errors.tolerance=none', () => {
  it.each([
    ['KEY_CONVERTER', {}, consumed(INT_VALUE, { key: utf8('nope') })],
    ['VALUE_CONVERTER', {}, consumed('{not json')],
    ['HEADER_CONVERTER', { 'header.converter': FAILING_HEADERS }, consumed(INT_VALUE)],
    ['TRANSFORMATION', { transforms: 'b', 'transforms.b.type': BROKEN }, consumed(INT_VALUE)],
  ])('fails the batch on a %s failure, after writing it to the DLQ', async (stage, config, record) => {
    const { pipeline, producer } = setup({ 'errors.deadletterqueue.topic.name': 'dlq', 'errors.deadletterqueue.context.headers.enable': 'true', ...config });
    await expect(pipeline.process([record])).rejects.toMatchObject({ message: 'Tolerance exceeded in error handler' });
    expect(headerText(producer.sent[0]?.headers ?? [], '__connect.errors.stage')).toBe(stage);
  });

  it('runs the transformations after a retried one on its result, and the next records as usual', async () => {
    setFlakyFailures(1);
    const { pipeline } = setup({ 'errors.retry.timeout': '60000', transforms: 'f,up', 'transforms.f.type': FLAKY, 'transforms.up.type': UPPER });
    const { records, failed } = await pipeline.process([consumed(STRING_VALUE), consumed(STRING_VALUE)]);
    expect(failed).toEqual([]);
    expect(records.map((r) => r.value)).toEqual(['HELLO', 'HELLO']);
  });

  it('runs the value and header converters and the transformations after a retried key converter', async () => {
    setFlakyFailures(1);
    const { pipeline } = setup({ 'errors.retry.timeout': '60000', 'key.converter': FLAKY_STRINGS, transforms: 'up', 'transforms.up.type': UPPER });
    const { records, failed } = await pipeline.process([consumed(STRING_VALUE), consumed(STRING_VALUE)]);
    expect(failed).toEqual([]);
    expect(records.map((r) => [r.value, r.headers.lastWithName('source')?.value])).toEqual([['HELLO', 'web'], ['HELLO', 'web']]);
  });

  it('retries a retriable transformation error and keeps the record once it succeeds', async () => {
    setFlakyFailures(2);
    const { pipeline, time } = setup({ 'errors.retry.timeout': '60000', transforms: 'f', 'transforms.f.type': FLAKY });
    const { records } = await pipeline.process([consumed(INT_VALUE)]);
    expect(records).toHaveLength(1);
    expect(time.delays).toEqual([300, 600]);
  });
});

describe('sink pipeline: transformations and predicates', () => {
  it('counts records a filter drops', async () => {
    const { pipeline } = setup({ transforms: 'drop', 'transforms.drop.type': 'Filter' });
    const { records, filtered } = await pipeline.process([consumed(INT_VALUE), consumed(INT_VALUE)]);
    expect(records).toEqual([]);
    expect(filtered).toBe(2);
  });

  it('applies a transformation only to records its predicate matches', async () => {
    const { pipeline } = setup({
      transforms: 'up', 'transforms.up.type': UPPER, 'transforms.up.predicate': 'isOrders',
      predicates: 'isOrders', 'predicates.isOrders.type': 'TopicNameMatches', 'predicates.isOrders.pattern': 'orders',
    });
    const { records } = await pipeline.process([consumed(STRING_VALUE), consumed(STRING_VALUE, { topic: 'refunds' })]);
    expect(records.map((r) => r.value)).toEqual(['HELLO', 'hello']);
  });

  it('applies it to the records the predicate does not match with negate=true', async () => {
    const { pipeline } = setup({
      transforms: 'drop', 'transforms.drop.type': 'Filter', 'transforms.drop.predicate': 'isOrders', 'transforms.drop.negate': 'true',
      predicates: 'isOrders', 'predicates.isOrders.type': 'TopicNameMatches', 'predicates.isOrders.pattern': 'orders',
    });
    const { records, filtered } = await pipeline.process([consumed(INT_VALUE), consumed(INT_VALUE, { topic: 'refunds' })]);
    expect(records.map((r) => r.topic)).toEqual(['orders']);
    expect(filtered).toBe(1);
  });

  it('drops tombstones with Filter and RecordIsTombstone, keeping the other records', async () => {
    const { pipeline } = setup({
      transforms: 'dropTombstones', 'transforms.dropTombstones.type': 'Filter', 'transforms.dropTombstones.predicate': 'tombstone',
      predicates: 'tombstone', 'predicates.tombstone.type': 'RecordIsTombstone',
    });
    const { records, filtered } = await pipeline.process([consumed(null), consumed(INT_VALUE, { offset: 8n })]);
    expect(records.map((r) => r.kafkaOffset)).toEqual([8n]);
    expect(filtered).toBe(1);
  });

  it('rejects an unknown transformation class when the pipeline is built', () => {
    expect(() => setup({ transforms: 'x', 'transforms.x.type': 'org.example.Missing' })).toThrow('org.example.Missing');
  });
});

describe('sink pipeline: errant record reporter', () => {
  it('is absent without a DLQ topic or errors.log.enable', () => {
    expect(setup({}).pipeline.errantRecordReporter).toBeNull();
  });

  it('writes the consumed record of a SinkRecord the task reports, as stage TASK_PUT', async () => {
    const { pipeline, producer } = setup(tolerateAll);
    const original = consumed(INT_VALUE);
    const { records } = await pipeline.process([original]);
    await pipeline.errantRecordReporter?.report(records[0] as SinkRecord, new Error('row rejected'));
    expect(producer.sent[0]?.value).toBe(original.value);
    expect(headerText(producer.sent[0]?.headers ?? [], '__connect.errors.stage')).toBe('TASK_PUT');
    expect(headerText(producer.sent[0]?.headers ?? [], '__connect.errors.class.name')).toBe('org.apache.kafka.connect.sink.SinkTask');
  });

  it('keeps the consumed record on copies made with { ...record }, as Kafka keeps it through newRecord', async () => {
    const { pipeline, producer } = setup(tolerateAll);
    const original = consumed(INT_VALUE);
    const { records } = await pipeline.process([original]);
    await pipeline.errantRecordReporter?.report({ ...(records[0] as SinkRecord), value: 43 }, new Error('row rejected'));
    expect(producer.sent[0]?.value).toBe(original.value);
  });

  it('converts a record the task made itself back to bytes', async () => {
    const { pipeline, producer } = setup(tolerateAll);
    const { records } = await pipeline.process([consumed(INT_VALUE)]);
    const { topic, kafkaPartition, keySchema, key, valueSchema, timestamp, headers, kafkaOffset, timestampType, originalTopic, originalKafkaPartition, originalKafkaOffset } = records[0] as SinkRecord;
    const made: SinkRecord = { topic, kafkaPartition, keySchema, key, valueSchema, value: 43, timestamp, headers, kafkaOffset, timestampType, originalTopic, originalKafkaPartition, originalKafkaOffset };
    await pipeline.errantRecordReporter?.report(made, new Error('row rejected'));
    expect(text(producer.sent[0]?.value)).toBe('{"schema":{"type":"int32","optional":false},"payload":43}');
  });

  it('fails the task under errors.tolerance=none', async () => {
    const { pipeline } = setup({ 'errors.deadletterqueue.topic.name': 'dlq' });
    const { records } = await pipeline.process([consumed(INT_VALUE)]);
    await expect(pipeline.errantRecordReporter?.report(records[0] as SinkRecord, new Error('x'))).rejects.toThrow('Tolerance exceeded in error handler');
  });
});

describe('sink pipeline: struct values', () => {
  it('reads a struct with its schema', async () => {
    const { pipeline } = setup({});
    const json = '{"schema":{"type":"struct","fields":[{"field":"id","type":"int64","optional":false}],"optional":false,"name":"Order"},"payload":{"id":5}}';
    const { records } = await pipeline.process([consumed(json)]);
    expect(records[0]?.value).toBeInstanceOf(Struct);
    expect((records[0]?.value as Struct).get('id')).toBe(5n);
  });
});

describe('sink pipeline: InsertField then ReplaceField on schemaless values (applied as one step)', () => {
  const INSERT_FIELD = 'org.apache.kafka.connect.transforms.InsertField$Value';
  const schemaless = { 'value.converter': 'JsonConverter', 'value.converter.schemas.enable': 'false' };
  const twoSmts = {
    ...schemaless, transforms: 'insert,replace',
    'transforms.insert.type': INSERT_FIELD, 'transforms.insert.topic.field': 'source_topic', 'transforms.insert.offset.field': 'offset',
    'transforms.replace.type': 'org.apache.kafka.connect.transforms.ReplaceField$Value', 'transforms.replace.exclude': 'note', 'transforms.replace.renames': 'customer:name',
  };

  it('gives the map both transformations give, in their key order', async () => {
    const { pipeline } = setup(twoSmts);
    const { records } = await pipeline.process([consumed('{"id":1,"customer":"Ada","note":"x"}')]);
    expect([...(records[0]?.value as Map<string, unknown>)]).toEqual([['id', 1n], ['name', 'Ada'], ['source_topic', 'orders'], ['offset', 7n]]);
  });

  it('gives a map that already holds an inserted name the same result as the stages one by one', async () => {
    const { pipeline } = setup(twoSmts);
    const { records } = await pipeline.process([consumed('{"source_topic":"old","customer":"Ada"}')]);
    expect([...(records[0]?.value as Map<string, unknown>)]).toEqual([['source_topic', 'orders'], ['name', 'Ada'], ['offset', 7n]]);
  });

  it('attributes a failure to InsertField, as stage TRANSFORMATION, and sends the consumed record to the DLQ', async () => {
    const { pipeline, producer } = setup({ ...tolerateAll, ...twoSmts });
    const { records, failed } = await pipeline.process([consumed('"not a map"'), consumed('{"id":2}', { offset: 8n })]);
    expect(records.map((r) => r.kafkaOffset)).toEqual([8n]);
    expect(failed[0]).toMatchObject({ stage: 'TRANSFORMATION', executingClass: INSERT_FIELD });
    const headers = producer.sent[0]?.headers ?? [];
    expect(headerText(headers, '__connect.errors.stage')).toBe('TRANSFORMATION');
    expect(headerText(headers, '__connect.errors.class.name')).toBe(INSERT_FIELD);
    expect(headerText(headers, '__connect.errors.exception.class.name')).toBe('org.apache.kafka.connect.errors.DataException');
    expect(headerText(headers, '__connect.errors.exception.message')).toBe('Only Map objects supported in absence of schema for [field insertion], found: java.lang.String');
    expect(text(producer.sent[0]?.value)).toBe('"not a map"');
  });

  it('fails the batch when errors.tolerance is none, caused by InsertField\'s error', async () => {
    const { pipeline } = setup(twoSmts);
    const error: unknown = await pipeline.process([consumed('"not a map"')]).catch((err: unknown) => err);
    expect(error).toMatchObject({ message: 'Tolerance exceeded in error handler' });
    expect((error as Error).cause).toMatchObject({ message: 'Only Map objects supported in absence of schema for [field insertion], found: java.lang.String' });
  });

  it('keeps a predicate on the second transformation', async () => {
    const { pipeline } = setup({
      ...twoSmts, 'transforms.replace.predicate': 'isRefunds',
      predicates: 'isRefunds', 'predicates.isRefunds.type': 'TopicNameMatches', 'predicates.isRefunds.pattern': 'refunds',
    });
    const { records } = await pipeline.process([consumed('{"customer":"Ada","note":"x"}')]);
    expect([...(records[0]?.value as Map<string, unknown>).keys()]).toEqual(['customer', 'note', 'source_topic', 'offset']);
  });

  it('runs the transformations after the pair', async () => {
    const { pipeline } = setup({ ...twoSmts, transforms: 'insert,replace,drop', 'transforms.drop.type': 'Filter' });
    const { records, filtered } = await pipeline.process([consumed('{"customer":"Ada"}')]);
    expect(records).toEqual([]);
    expect(filtered).toBe(1);
  });
});
