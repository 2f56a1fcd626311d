/**
 * The periodic reconcile of sink event source mappings on real components: REST (dynalite) →
 * herder → in-process mappings run by the ESM emulator (kafkajs on the mock-cluster broker) →
 * sink-task handler → FileStreamSink, with standalone mode's scheduler ticking every second (the
 * dispatcher's schedule on AWS). Drift is made behind the herder's back, on the mapping registry
 * the emulator runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { processSinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import { startStandaloneSources, type SourceScheduler } from '#lib/standalone/source-scheduler';
import { useTestKafka } from '#test/support/kafka';
import { eventually, fileLines, startSinkStack, type SinkStack } from './sink-stack';

const kafka = useTestKafka();
let stack: SinkStack;
let scheduler: SourceScheduler;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sink-reconcile-'));
  stack = await startSinkStack(kafka());
  scheduler = await startStandaloneSources(process.env);
}, 60_000);
afterAll(async () => {
  await scheduler?.stop();
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
}, 120_000);

const STRINGS = { 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' };
const mappingsOf = (name: string) => processSinkMappings().all().filter((m) => m.alias === aliasFor(name));

async function createFileSink(name: string, topics: Record<string, string>): Promise<string> {
  const file = join(dir, `${name}.txt`);
  const response = await stack.worker.request('POST', '/connectors', { name, config: { 'connector.class': 'FileStreamSink', file, ...topics, ...STRINGS } });
  expect(response.status).toBe(201);
  return file;
}

describe('the periodic reconcile of sink mappings', () => {
  it('re-creates a mapping removed behind the herder’s back, and records flow again', async () => {
    const topic = kafka().unique('removed');
    const name = kafka().unique('removed-sink');
    const file = await createFileSink(name, { topics: topic });
    await kafka().produce(topic, [{ value: 'before', partition: 0 }]);
    await eventually(() => fileLines(file), (l) => l.length === 1);
    const [removed] = mappingsOf(name);
    await processSinkMappings().delete(removed!.uuid);
    await kafka().produce(topic, [{ value: 'after', partition: 0 }]);
    const [recreated] = await eventually(async () => mappingsOf(name), (ms) => ms.length === 1);
    expect([recreated?.uuid !== removed?.uuid, recreated?.groupId, recreated?.enabled]).toEqual([true, `connect-${name}`, true]);
    expect(await eventually(() => fileLines(file), (l) => l.length >= 2)).toEqual(['before', 'after']);
  }, 90_000);

  it('gives a topics.regex connector a mapping for a topic created after it, and its records reach the file', async () => {
    const prefix = kafka().unique('late');
    const name = kafka().unique('regex-sink');
    const file = await createFileSink(name, { 'topics.regex': `${prefix}-.*` });
    expect(mappingsOf(name)).toEqual([]);
    await kafka().produce(`${prefix}-eu`, [{ value: 'late one', partition: 0 }, { value: 'late two', partition: 0 }]);
    const [mapping] = await eventually(async () => mappingsOf(name), (ms) => ms.length === 1);
    expect([mapping?.topic, mapping?.groupId, mapping?.enabled]).toEqual([`${prefix}-eu`, `connect-${name}`, true]);
    expect(await eventually(() => fileLines(file), (l) => l.length >= 2)).toEqual(['late one', 'late two']);
  }, 90_000);

  it('moves a topic to its own consumer group without delivering its records again when a second topic matches topics.regex', async () => {
    const prefix = kafka().unique('more');
    const name = kafka().unique('regrouped-sink');
    const file = await createFileSink(name, { 'topics.regex': `${prefix}-.*` });
    await kafka().produce(`${prefix}-a`, [{ value: 'a1', partition: 0 }, { value: 'a2', partition: 0 }]);
    expect(await eventually(() => fileLines(file), (l) => l.length >= 2)).toEqual(['a1', 'a2']);
    await kafka().produce(`${prefix}-b`, [{ value: 'b1', partition: 0 }]);
    const groups = await eventually(async () => mappingsOf(name).map((m) => m.groupId).sort(), (g) => g.length === 2);
    expect(groups).toEqual([`connect-${name}.${prefix}-a`, `connect-${name}.${prefix}-b`]);
    await kafka().produce(`${prefix}-a`, [{ value: 'a3', partition: 0 }]);
    const lines = await eventually(() => fileLines(file), (l) => l.includes('a3') && l.includes('b1'));
    expect([...lines].sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
  }, 90_000);

  it('disables the mapping of a paused connector that was enabled by hand', async () => {
    const topic = kafka().unique('paused');
    const name = kafka().unique('paused-sink');
    await createFileSink(name, { topics: topic });
    expect((await stack.worker.request('PUT', `/connectors/${name}/pause`)).status).toBe(202);
    const [m] = mappingsOf(name);
    expect(m?.enabled).toBe(false);
    await processSinkMappings().update(m!.uuid, { batchSize: m!.batchSize, batchingWindowSeconds: m!.batchingWindowSeconds, enabled: true });
    const [after] = await eventually(async () => mappingsOf(name), (ms) => ms[0]?.enabled === false);
    expect([after?.uuid, after?.enabled]).toEqual([m?.uuid, false]);
  }, 60_000);

  it('removes an orphaned mapping whose connector was deleted while it was being created', async () => {
    const topic = kafka().unique('orphan');
    const name = kafka().unique('orphan-sink');
    await createFileSink(name, { topics: topic });
    const [m] = mappingsOf(name);
    expect((await stack.worker.request('DELETE', `/connectors/${name}`)).status).toBe(204);
    expect(mappingsOf(name)).toEqual([]);
    // The creation that was in flight lands after the delete.
    await processSinkMappings().ensureAlias(aliasFor(name));
    await processSinkMappings().create({ alias: m!.alias, topic: m!.topic, groupId: m!.groupId, batchSize: m!.batchSize, batchingWindowSeconds: m!.batchingWindowSeconds, enabled: true });
    expect(mappingsOf(name)).toHaveLength(1);
    await eventually(async () => [mappingsOf(name).length, processSinkMappings().aliases().includes(aliasFor(name))], ([count, alias]) => count === 0 && alias === false);
  }, 60_000);
});
