/**
 * Sink task statuses without traffic, on the real stand-ins: the REST handler over dynalite with
 * the restart state machine run locally, in-process event source mappings run by the ESM emulator
 * (invoking the real sink-task handler) on the mock-cluster broker. A sink task is RUNNING once
 * its connector's mappings are enabled, as a Kafka sink task is once started, records or not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { processSinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import { startEsmEmulator, type EsmEmulator, type KafkaEventHandler } from '#lib/standalone/esm-emulator';
import { currentApp } from '#lib/wiring';
import { useTestKafka } from '#test/support/kafka';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';
import { eventually, fileLines } from './sink-stack';

const kafka = useTestKafka();
let worker: TestWorker;
let emulator: EsmEmulator;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sink-statuses-'));
  worker = await startTestWorker({
    KAFKA_BROKERS: kafka().brokers.join(','),
    LAMBDA_CONNECT_SINK_MAPPINGS: 'memory',
    LAMBDA_CONNECT_RESTARTS: 'local',
    LAMBDA_CONNECT_RESTART_POLL_SECONDS: '1',
    LAMBDA_CONNECT_RESTART_MAX_POLLS: '30',
  });
  const { handler } = (await import('#functions/sink-task')) as { handler: KafkaEventHandler };
  emulator = startEsmEmulator({ mappings: processSinkMappings(), connection: kafka().connection, handler, retry: { minMs: 50, maxMs: 200 } });
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
  await (await currentApp()).localRestarts?.close();
  await worker?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

interface Status {
  connector: { state: string };
  tasks: Array<{ id: number; state: string; worker_id?: string; trace?: string }>;
}

const status = async (name: string): Promise<Status> => (await worker.request('GET', `/connectors/${name}/status`)).json as Status;
const taskStates = (s: Status) => s.tasks.map((t) => t.state);
const allTasks = (state: string, count: number) => (s: Status) => s.tasks.length === count && s.tasks.every((t) => t.state === state);

async function createFileSink(name: string, topic: string, extra: Record<string, string> = {}): Promise<string> {
  const file = join(dir, `${name}.txt`);
  const config = { 'connector.class': 'FileStreamSink', topics: topic, file, 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter', ...extra };
  expect((await worker.request('POST', '/connectors', { name, config })).status).toBe(201);
  return file;
}

describe('sink task statuses without records', () => {
  it('reports every task of a sink created on an empty topic RUNNING, its worker the mappings’ function alias', async () => {
    const name = kafka().unique('idle-sink');
    await createFileSink(name, kafka().unique('empty'), { 'tasks.max': '2' });
    const running = await eventually(() => status(name), allTasks('RUNNING', 2), 10_000);
    expect(running.connector.state).toBe('RUNNING');
    expect(running.tasks.map((t) => t.worker_id)).toEqual([`sink-task:${aliasFor(name)}`, `sink-task:${aliasFor(name)}`]);
  }, 30_000);

  it('reports the tasks PAUSED after pause and RUNNING again after resume', async () => {
    const name = kafka().unique('paused-sink');
    await createFileSink(name, kafka().unique('empty'));
    await eventually(() => status(name), allTasks('RUNNING', 1), 10_000);
    expect((await worker.request('PUT', `/connectors/${name}/pause`)).status).toBe(202);
    expect(taskStates(await status(name))).toEqual(['PAUSED']);
    expect((await worker.request('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    const resumed = await eventually(() => status(name), allTasks('RUNNING', 1), 10_000);
    expect(resumed.connector.state).toBe('RUNNING');
  }, 30_000);

  it('reports the tasks RUNNING again after a config change', async () => {
    const name = kafka().unique('changed-sink');
    const topic = kafka().unique('empty');
    const file = await createFileSink(name, topic);
    await eventually(() => status(name), allTasks('RUNNING', 1), 10_000);
    const config = { 'connector.class': 'FileStreamSink', topics: topic, file, 'tasks.max': '3', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' };
    expect((await worker.request('PUT', `/connectors/${name}/config`, config)).status).toBe(200);
    await eventually(() => status(name), allTasks('RUNNING', 3), 10_000);
  }, 30_000);

  it('moves the tasks RESTARTING → RUNNING on restart with includeTasks, and the execution records them running', async () => {
    const name = kafka().unique('restarted-sink');
    await createFileSink(name, kafka().unique('empty'), { 'tasks.max': '2' });
    await eventually(() => status(name), allTasks('RUNNING', 2), 10_000);
    const restart = await worker.request('POST', `/connectors/${name}/restart?includeTasks=true`);
    expect(restart.status).toBe(202);
    expect(taskStates(restart.json as Status)).toEqual(['RESTARTING', 'RESTARTING']);
    const app = await currentApp();
    await app.localRestarts?.settled();
    const [execution] = app.localRestarts?.executions().filter((e) => e.input.connector === name) ?? [];
    // Settled at the first check: the tasks did not wait for records to report RUNNING.
    expect(execution?.output).toMatchObject({ check: { polls: 1, settled: true }, outcome: { running: [0, 1], failed: [], pending: [] } });
    expect(taskStates(await status(name))).toEqual(['RUNNING', 'RUNNING']);
  }, 60_000);

  it('keeps a task FAILED by a poison record with errors.tolerance=none when the mappings are reconciled again', async () => {
    const name = kafka().unique('poisoned-sink');
    const topic = kafka().unique('poison');
    const file = await createFileSink(name, topic, { 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false' });
    await eventually(() => status(name), allTasks('RUNNING', 1), 10_000);
    await kafka().produce(topic, [{ value: '"one"', partition: 0 }, { value: 'not json', partition: 0 }]);
    const failed = await eventually(() => status(name), allTasks('FAILED', 1), 30_000);
    expect(failed.tasks[0]?.trace).toEqual(expect.stringContaining('Tolerance exceeded'));
    const app = await currentApp();
    await app.sinkHooks?.reconcile(name);
    await app.sinkHooks?.afterChange?.(name);
    expect((await status(name)).tasks[0]).toMatchObject({ state: 'FAILED', trace: failed.tasks[0]?.trace });
    // The batch with the poison record failed whole: nothing after it was skipped.
    expect(await fileLines(file)).toEqual([]);
  }, 60_000);
});
