/**
 * Sink connectors end to end on real components: REST (dynalite) → herder → mappings → ESM
 * emulator (kafkajs on the mock-cluster broker) → sink-task handler → FileStreamSink.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestKafka } from '#test/support/kafka';
import { eventually, fileLines, startSinkStack, type SinkStack } from './sink-stack';

const kafka = useTestKafka();
let stack: SinkStack;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sink-lifecycle-'));
  stack = await startSinkStack(kafka());
}, 60_000);
afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
}, 120_000);

const STRINGS = { 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' };
const JSON_VALUES = { 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false' };

async function createFileSink(name: string, topic: string, extra: Record<string, string> = {}): Promise<string> {
  const file = join(dir, `${name}.txt`);
  const response = await stack.worker.request('POST', '/connectors', { name, config: { 'connector.class': 'FileStreamSink', topics: topic, file, ...STRINGS, ...extra } });
  expect(response.status).toBe(201);
  return file;
}

const values = (xs: string[]) => xs.map((value, i) => ({ key: `k${i}`, value }));

describe('a FileStreamSink created through REST', () => {
  it('writes the records of its topic, and reports them in /offsets and RUNNING in /status', async () => {
    const topic = kafka().unique('lines');
    const file = await createFileSink(kafka().unique('file-sink'), topic);
    await kafka().produce(topic, values(['one', 'two', 'three']).map((m) => ({ ...m, partition: 0 })));
    expect(await eventually(() => fileLines(file), (l) => l.length >= 3)).toEqual(['one', 'two', 'three']);
  }, 60_000);

  it('stops delivering while paused and delivers the rest after resume', async () => {
    const topic = kafka().unique('paused');
    const name = kafka().unique('paused-sink');
    const file = await createFileSink(name, topic);
    await kafka().produce(topic, [{ value: 'before', partition: 0 }]);
    await eventually(() => fileLines(file), (l) => l.length === 1);
    expect((await stack.worker.request('PUT', `/connectors/${name}/pause`)).status).toBe(202);
    await kafka().produce(topic, [{ value: 'while-paused', partition: 0 }]);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await fileLines(file)).toEqual(['before']);
    expect((await stack.worker.request('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    expect(await eventually(() => fileLines(file), (l) => l.length >= 2)).toEqual(['before', 'while-paused']);
    const status = await eventually(async () => (await stack.worker.request('GET', `/connectors/${name}/status`)).json, (s: { tasks: Array<{ state: string }> }) => s.tasks[0]?.state === 'RUNNING');
    expect(status.tasks[0]?.state).toBe('RUNNING');
    const offsets = (await stack.worker.request('GET', `/connectors/${name}/offsets`)).json;
    expect(offsets.offsets).toEqual([{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 2 } }]);
  }, 90_000);

  it('re-delivers from the start after DELETE /offsets on the stopped connector', async () => {
    const topic = kafka().unique('replay');
    const name = kafka().unique('replay-sink');
    const file = await createFileSink(name, topic);
    await kafka().produce(topic, values(['a', 'b']).map((m) => ({ ...m, partition: 0 })));
    await eventually(() => fileLines(file), (l) => l.length === 2);
    expect((await stack.worker.request('PUT', `/connectors/${name}/stop`)).status).toBe(204);
    const reset = await stack.worker.request('DELETE', `/connectors/${name}/offsets`);
    expect(reset.status).toBe(200);
    expect((await stack.worker.request('GET', `/connectors/${name}/offsets`)).json.offsets).toEqual([]);
    expect((await stack.worker.request('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    // The offsets were committed by a consumer that joined the group (the mock has no group admin
    // APIs) and whose 30 s session the mock waits out before the resumed mapping can join.
    expect(await eventually(() => fileLines(file), (l) => l.length >= 4, 90_000)).toEqual(['a', 'b', 'a', 'b']);
  }, 150_000);
});

describe('a poison record', () => {
  it('goes to the DLQ with the error headers under errors.tolerance=all, and the records around it are written', async () => {
    const topic = kafka().unique('poison-all');
    const dlq = kafka().unique('dlq');
    const file = await createFileSink(kafka().unique('tolerant-sink'), topic, { ...JSON_VALUES, 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': dlq, 'errors.deadletterqueue.context.headers.enable': 'true' });
    await kafka().produce(topic, ['{"id":1}', 'not json', '{"id":3}'].map((value) => ({ value, partition: 0 })));
    expect(await eventually(() => fileLines(file), (l) => l.length >= 2)).toEqual(['{id=1}', '{id=3}']);
    const [dead] = await kafka().consume(dlq, 1);
    expect(dead?.value?.toString()).toBe('not json');
    const headers = Object.fromEntries((dead?.headers ?? []).map((h) => [h.key, h.value === null ? null : Buffer.from(h.value).toString()]));
    expect(headers).toMatchObject({ '__connect.errors.topic': topic, '__connect.errors.partition': '0', '__connect.errors.offset': '1', '__connect.errors.stage': 'VALUE_CONVERTER' });
  }, 90_000);

  it('fails the task with its trace under errors.tolerance=none, and nothing after it is skipped', async () => {
    const topic = kafka().unique('poison-none');
    const name = kafka().unique('strict-sink');
    const file = await createFileSink(name, topic, JSON_VALUES);
    await kafka().produce(topic, ['{"id":1}', 'not json', '{"id":3}'].map((value) => ({ value, partition: 0 })));
    const status = await eventually(async () => (await stack.worker.request('GET', `/connectors/${name}/status`)).json, (s: { tasks: Array<{ state: string; trace?: string }> }) => s.tasks[0]?.state === 'FAILED');
    expect(status.tasks[0]?.trace).toContain('Tolerance exceeded');
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await fileLines(file)).toEqual([]);
    expect((await stack.worker.request('GET', `/connectors/${name}/offsets`)).json.offsets).toEqual([]);
  }, 90_000);
});
