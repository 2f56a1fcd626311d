import { describe, expect, it } from 'vitest';
import { dataGenSourceDescriptor } from '#lib/connectors/datagen/datagen-source-connector';
import { RECORD_SCHEMA } from '#lib/connectors/datagen/datagen-records';
import type { DataGenSourceTask } from '#lib/connectors/datagen/datagen-source-task';
import { JsonConverter } from '#lib/converters/json/json-converter';
import type { SourceRecord } from '#lib/data/connect-record';
import type { Struct } from '#lib/data/struct';
import { taskContext, type TestTaskContext } from '../task-context';

function startTask(props: Record<string, string> = {}, context: TestTaskContext = taskContext()): DataGenSourceTask {
  const task = dataGenSourceDescriptor.createTask() as DataGenSourceTask;
  task.initialize(context);
  task.start({ topic: 'orders', ...props });
  return task;
}

async function pollAll(task: DataGenSourceTask, polls: number): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for (let i = 0; i < polls; i++) records.push(...((await task.poll()) ?? []));
  return records;
}

const ids = (records: SourceRecord[]): bigint[] => records.map((r) => (r.value as Struct).getInt64('id') as bigint);
const json = new JsonConverter();
json.configure({ 'schemas.enable': 'false' }, false);
const jsonOf = (r: SourceRecord): string => Buffer.from(json.fromConnectData(r.topic, r.headers, r.valueSchema, r.value) as Uint8Array).toString();

describe('DataGenSourceTask', () => {
  it('produces order structs of a stable schema on the configured topic with task partitions and positions', async () => {
    const records = (await startTask({ 'batch.size': '3' }).poll()) ?? [];
    expect(records.map((r) => [r.topic, r.key, r.sourcePartition, r.sourceOffset])).toEqual([
      ['orders', null, { task: 0 }, { position: 1 }],
      ['orders', null, { task: 0 }, { position: 2 }],
      ['orders', null, { task: 0 }, { position: 3 }],
    ]);
    expect(records.every((r) => r.valueSchema === RECORD_SCHEMA)).toBe(true);
    expect(RECORD_SCHEMA.fields.map((f) => `${f.name}:${f.schema.type}`)).toEqual(['id:INT64', 'customer:STRING', 'product:STRING', 'quantity:INT32', 'price:FLOAT64', 'express:BOOLEAN', 'event_time:INT64', 'padding:STRING']);
  });

  it('produces valid structs', async () => {
    const records = (await startTask({ 'batch.size': '50' }).poll()) ?? [];
    for (const record of records) (record.value as Struct).validate();
  });

  it('generates the same records from the same seed and different ones from another', async () => {
    const run = async (seed: string): Promise<string[]> => ((await startTask({ seed, 'batch.size': '20' }).poll()) ?? []).map(jsonOf);
    const [a, b, c] = [await run('42'), await run('42'), await run('43')];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('resumes after the committed position with exactly the next records', async () => {
    const all = await pollAll(startTask({ 'batch.size': '10' }), 2);
    const resumed = (await startTask({ 'batch.size': '10' }, taskContext([[{ task: 0 }, { position: 10 }]])).poll()) ?? [];
    expect(resumed.map(jsonOf)).toEqual(all.slice(10).map(jsonOf));
  });

  it.each([200, 1024, 4096])('makes values of about record.size.bytes=%i bytes as schemaless JSON', async (size) => {
    const records = (await startTask({ 'record.size.bytes': String(size), 'batch.size': '100' }).poll()) ?? [];
    const average = records.reduce((sum, r) => sum + jsonOf(r).length, 0) / records.length;
    expect(Math.abs(average - size) / size).toBeLessThan(0.05);
  });

  it('splits the id space between tasks and stops at max.records', async () => {
    const task = (id: number): DataGenSourceTask => startTask({ 'max.records': '10', 'batch.size': '100', 'datagen.task.id': String(id), 'datagen.task.count': '3' });
    const perTask = [ids((await task(0).poll()) ?? []), ids((await task(1).poll()) ?? []), ids((await task(2).poll()) ?? [])];
    expect(perTask).toEqual([[0n, 3n, 6n, 9n], [1n, 4n, 7n], [2n, 5n, 8n]]);
  });

  it('returns null once max.records were generated', async () => {
    const task = startTask({ 'max.records': '2' }, taskContext([[{ task: 0 }, { position: 2 }]]));
    const pending = task.poll();
    task.stop();
    expect(await pending).toBeNull();
  });

  it('holds rate.per.second without returning more than the rate allows', async () => {
    const task = startTask({ 'rate.per.second': '200', 'batch.size': '1000' });
    const started = performance.now();
    let count = 0;
    while (performance.now() - started < 500) count += (await task.poll())?.length ?? 0;
    const elapsed = (performance.now() - started) / 1000;
    expect(count).toBeLessThanOrEqual(200 * elapsed + 2);
    expect(count).toBeGreaterThanOrEqual(200 * elapsed * 0.8);
  });

  it('generates at least 200k records per second unthrottled (the benchmark needs 500k on one core)', async () => {
    const task = startTask({ 'batch.size': '5000' });
    await task.poll();
    const started = performance.now();
    let count = 0;
    while (performance.now() - started < 500) count += (await task.poll())?.length ?? 0;
    expect(count / ((performance.now() - started) / 1000)).toBeGreaterThan(200_000);
  });
});
