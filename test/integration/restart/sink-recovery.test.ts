/**
 * Automatic recovery of sink tasks on the real stand-ins: the REST handler over dynalite with the
 * restart state machine run locally (LAMBDA_CONNECT_RESTARTS=local), the mock-cluster broker, the
 * ESM emulator invoking the real sink-task handler, and a JDBC sink writing to PostgreSQL through
 * a TCP relay that the test takes down (the database connection is lost) and brings back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processSinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import { startEsmEmulator, type EsmEmulator, type KafkaEventHandler } from '#lib/standalone/esm-emulator';
import { currentApp } from '#lib/wiring';
import { useTestKafka } from '#test/support/kafka';
import { usePostgres } from '#test/support/postgres';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';
import { eventually } from '#test/integration/sink/sink-stack';
import { startTcpRelay, type TcpRelay } from './tcp-relay';

const kafka = useTestKafka();
const pg = usePostgres();
let worker: TestWorker;
let emulator: EsmEmulator;
let relay: TcpRelay;
/** Every handler invocation that rejected: its topics and error message (recovery was consulted by then). */
const rejected: Array<{ topics: string[]; message: string }> = [];

beforeAll(async () => {
  worker = await startTestWorker({
    KAFKA_BROKERS: kafka().brokers.join(','),
    LAMBDA_CONNECT_SINK_MAPPINGS: 'memory',
    LAMBDA_CONNECT_RESTARTS: 'local',
    LAMBDA_CONNECT_RESTART_POLL_SECONDS: '1',
    LAMBDA_CONNECT_RESTART_MAX_POLLS: '60',
  });
  const { handler } = (await import('#functions/sink-task')) as { handler: KafkaEventHandler };
  const recording: KafkaEventHandler = async (event, context) => {
    try {
      return await handler(event, context);
    } catch (error) {
      const records = Object.values((event as { records: Record<string, Array<{ topic: string }>> }).records).flat();
      rejected.push({ topics: [...new Set(records.map((r) => r.topic))], message: (error as Error).message });
      throw error;
    }
  };
  emulator = startEsmEmulator({ mappings: processSinkMappings(), connection: kafka().connection, handler: recording, retry: { minMs: 50, maxMs: 200 } });
  relay = await startTcpRelay({ host: pg.host, port: pg.port });
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
  await (await currentApp()).localRestarts?.close();
  await relay?.close();
  await worker?.stop();
});

const ROW_SCHEMA = { type: 'struct', name: 'row', optional: false, fields: [{ field: 'id', type: 'int32', optional: false }, { field: 'name', type: 'string', optional: true }] };
const row = (id: number, name: string) => JSON.stringify({ schema: ROW_SCHEMA, payload: { id, name } });

async function ids(table: string): Promise<number[]> {
  const result = await pg.pool.query(`SELECT id FROM "${table}" ORDER BY id`).catch(() => ({ rows: [] }));
  return (result.rows as Array<{ id: number }>).map((r) => r.id);
}

async function taskStatus(name: string): Promise<Record<string, unknown> | undefined> {
  const response = await worker.request('GET', `/connectors/${name}/status`);
  return (response.json as { tasks?: Array<Record<string, unknown>> }).tasks?.[0];
}

function jdbcSink(topic: string, url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
    'connection.url': url,
    topics: topic,
    'insert.mode': 'upsert',
    'pk.mode': 'record_value',
    'pk.fields': 'id',
    'auto.create': 'true',
    'max.retries': '1',
    'retry.backoff.ms': '50',
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'restart.backoff.initial.ms': '1000',
    'restart.backoff.max.ms': '2000',
    ...extra,
  };
}

describe('automatic recovery of a sink task', () => {
  it('restarts a JDBC sink task that failed because the database connection was lost, and it writes every row', async () => {
    const topic = kafka().unique('recover_rows').replace(/-/g, '_');
    const name = kafka().unique('recovering-sink');
    const url = `jdbc:postgresql://127.0.0.1:${relay.port}/${pg.database}?user=${encodeURIComponent(pg.user)}`;
    expect((await worker.request('POST', '/connectors', { name, config: jdbcSink(topic, url) })).status).toBe(201);
    await kafka().produce(topic, [1, 2, 3].map((id) => ({ value: row(id, `n${id}`), partition: 0 })));
    await eventually(() => ids(topic), (r) => r.length === 3, 60_000);

    await relay.down();
    await kafka().produce(topic, [4, 5, 6].map((id) => ({ value: row(id, `n${id}`), partition: 0 })));
    // Recovery adds the attempt to the FAILED status right after the task wrote it.
    const failed = await eventually(() => taskStatus(name), (s) => s?.state === 'FAILED' && s.restart_attempts !== undefined, 60_000);
    expect(failed).toMatchObject({ state: 'FAILED', trace: expect.stringContaining('exhausting retries'), restart_attempts: 1, next_restart_at: expect.any(String) });
    await relay.up();

    await eventually(() => ids(topic), (r) => r.length === 6, 90_000);
    const running = await eventually(() => taskStatus(name), (s) => s?.state === 'RUNNING', 60_000);
    expect(running?.state).toBe('RUNNING');
    expect(await ids(topic)).toEqual([1, 2, 3, 4, 5, 6]);
    const executions = (await currentApp()).localRestarts?.executions().filter((e) => e.input.connector === name) ?? [];
    expect(executions.length).toBeGreaterThanOrEqual(1);
    expect(executions.every((e) => e.input.reason === 'automatic')).toBe(true);
  }, 180_000);

  it('leaves a task FAILED by a poison record with errors.tolerance=none: no automatic restart', async () => {
    const topic = kafka().unique('poison_rows').replace(/-/g, '_');
    const name = kafka().unique('poisoned-sink');
    expect((await worker.request('POST', '/connectors', { name, config: jdbcSink(topic, pg.jdbcUrl) })).status).toBe(201);
    await kafka().produce(topic, [{ value: row(1, 'one'), partition: 0 }, { value: 'not json', partition: 0 }, { value: row(3, 'three'), partition: 0 }]);
    const failed = await eventually(() => taskStatus(name), (s) => s?.state === 'FAILED', 60_000);
    expect(failed?.trace).toEqual(expect.stringContaining('Tolerance exceeded'));
    // The invocation that failed the task returns only after recovery decided.
    await eventually(async () => rejected.filter((r) => r.topics.includes(topic) && /Tolerance exceeded/.test(r.message)), (r) => r.length > 0);
    expect(failed).not.toHaveProperty('restart_attempts');
    const app = await currentApp();
    await app.localRestarts?.settled();
    expect(app.localRestarts?.executions().filter((e) => e.input.connector === name)).toEqual([]);
    expect(await ids(topic)).not.toContain(3);
  }, 120_000);
});
