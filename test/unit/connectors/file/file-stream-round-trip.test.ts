/**
 * FileStreamSource → converter → FileStreamSink gives an identical file, with the converters a
 * standalone pipeline uses: the worker default (JsonConverter with schemas, as Kafka's quickstart),
 * JsonConverter without schemas, and StringConverter on both sides.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStreamSinkDescriptor } from '#lib/connectors/file/file-stream-sink-connector';
import { fileStreamSourceDescriptor } from '#lib/connectors/file/file-stream-source-connector';
import type { SourceRecord } from '#lib/data/connect-record';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { createConverterSet } from '#lib/runtime/pipeline/converter-set';
import { taskContext } from '../task-context';
import { sinkRecord, sinkTaskContext } from '../sink-task-context';

const CONTENT = 'plain line\n{"looks":"like json"}\n\n  spaces  \nnull\n42\nünïcödé ✓\n"quoted"\n';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-round-trip-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(file: string): Promise<SourceRecord[]> {
  const source = fileStreamSourceDescriptor.createTask();
  source.initialize(taskContext());
  await source.start({ file, topic: 'lines' });
  const records: SourceRecord[] = [];
  const lines = CONTENT.split('\n').length - 1;
  while (records.length < lines) records.push(...((await source.poll()) ?? []));
  await source.stop();
  return records;
}

describe('FileStreamSource → Kafka → FileStreamSink', () => {
  it.each([
    ['the worker default (JsonConverter with schemas)', {}],
    ['JsonConverter without schemas', { 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false' }],
    ['StringConverter', { 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' }],
  ])('copies a file byte for byte with %s on both sides', async (_name, converterConfig: Record<string, string>) => {
    const [input, output] = [join(dir, 'in.txt'), join(dir, 'out.txt')];
    await writeFile(input, CONTENT);
    const converters = createConverterSet(createDefaultRegistry(), converterConfig);
    const sink = fileStreamSinkDescriptor.createTask();
    sink.initialize(sinkTaskContext());
    await sink.start({ file: output, topics: 'lines' });

    const consumed = (await readAll(input)).map((record, offset) => {
      const bytes = converters.value.fromConnectData(record.topic, record.headers, record.valueSchema, record.value);
      const { schema, value } = converters.value.toConnectData(record.topic, record.headers, bytes);
      return sinkRecord({ topic: record.topic, offset, valueSchema: schema, value });
    });
    await sink.put(consumed);
    await sink.flush?.(new Map());
    await sink.stop();

    expect(await readFile(output, 'utf8')).toBe(CONTENT);
  });
});
