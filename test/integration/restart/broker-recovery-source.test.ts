/**
 * A broker outage under a running JDBC source: the Kafka cluster dies mid-stream, the task goes
 * FAILED with the trace, automatic recovery restarts it (restart.* backoff, the restart state
 * machine run locally) until the cluster is back, and every row ends up in the topic — without a
 * single REST restart request. Real stand-ins throughout: dynalite, PostgreSQL, the kcat mock
 * cluster (behind a fixed bootstrap address, test/support/kafka-outage.ts), the composition root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from '#lib/kafka/kafkajs';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { loggers } from '#lib/logging/logger';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { createInProcessSourceRuntime } from '#lib/runtime/source/in-process-runtime';
import { startSourceScheduler } from '#lib/standalone/source-scheduler';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import { createApp, sourceParts } from '#lib/wiring';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';
import { startKafkaWithOutages, type KafkaWithOutages } from '#test/support/kafka-outage';
import { usePostgres } from '#test/support/postgres';
import { quietLog } from '#test/integration/source/source-stack';

const db = usePostgres();
// Every client retry against the dead cluster logs a warning; only errors matter here.
loggers.set('lambda_connect', 'ERROR', Date.now());
let dynalite: DynaliteInstance;
let kafka: KafkaWithOutages;

beforeAll(async () => {
  [dynalite, kafka] = await Promise.all([startDynalite(), startKafkaWithOutages()]);
  await db.pool.query('CREATE TABLE orders (id serial PRIMARY KEY, item text NOT NULL)');
}, 60_000);
afterAll(async () => {
  await Promise.all([dynalite?.stop(), kafka?.stop()]);
});

interface TaskStatus { state: string; trace?: string; worker_id: string; restart_attempts?: number }

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function insertRows(from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) await db.pool.query('INSERT INTO orders (item) VALUES ($1)', [`item-${i}`]);
}

/** The ids of the rows in the topic (each once, duplicates folded), read from the beginning. */
async function idsInTopic(topic: string, atLeast: number): Promise<Set<number>> {
  const client = new Kafka({ brokers: kafka.bootstrap, clientId: 'broker-recovery-check', logLevel: logLevel.NOTHING });
  const consumer = client.consumer({ groupId: `check-${Date.now()}-${Math.random()}` });
  const ids = new Set<number>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Saw ${ids.size} of ${atLeast} rows in ${topic}`)), 30_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          ids.add((JSON.parse(String(message.value)) as { payload: { id: number } }).payload.id);
          if (ids.size >= atLeast) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    return ids;
  } finally {
    await consumer.disconnect();
  }
}

describe('a source connector through a broker outage', () => {
  it('goes FAILED while the broker is gone and RUNNING again once it is back, without a request, losing no row', async () => {
    const tableName = 'broker-recovery-source';
    await ensureTable(dynalite.client, tableName);
    const stores = createDynamoDbStores({ client: dynalite.client, tableName });
    const settings = settingsFromEnv({
      KAFKA_BROKERS: kafka.bootstrap.join(','),
      CONNECT_OFFSET_FLUSH_INTERVAL_MS: '0',
      CONNECT_REST_ADVERTISED_HOST_NAME: 'itest',
      LAMBDA_CONNECT_RESTARTS: 'local',
      LAMBDA_CONNECT_RESTART_POLL_SECONDS: '1',
      LAMBDA_CONNECT_RESTART_MAX_POLLS: '10',
      LAMBDA_CONNECT_SOURCE_SAFETY_MARGIN_MS: '2000',
    });
    const late: { sources?: ReturnType<typeof createInProcessSourceRuntime> } = {};
    const app = createApp(settings, { stores, registry: createDefaultRegistry(), restartSources: { invokeSourceTask: async (i) => late.sources?.invoker.invokeSourceTask(i) } });
    const parts = sourceParts(app, { log: quietLog });
    const sources = (late.sources = createInProcessSourceRuntime(parts.deps, { workerId: 'itest:8083' }));
    const scheduler = startSourceScheduler({ dispatch: () => sources.runtime.dispatch(), intervalMs: 500, close: async () => undefined });
    const rest = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const response = await app.rest.handle({ method, path, rawQuery: '', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.statusCode, json: response.body ? JSON.parse(response.body) : undefined };
    };
    const task0 = async (): Promise<TaskStatus | undefined> => ((await rest('GET', '/connectors/orders/status')).json?.tasks as TaskStatus[] | undefined)?.[0];
    try {
      await insertRows(1, 20);
      const created = await rest('POST', '/connectors', {
        name: 'orders',
        config: {
          'connector.class': 'JdbcSourceConnector',
          'tasks.max': '1',
          'connection.url': db.jdbcUrl,
          'table.whitelist': 'orders',
          mode: 'incrementing',
          'incrementing.column.name': 'id',
          'topic.prefix': 'recovery-',
          'poll.interval.ms': '100',
          'poll.window.ms': '3000',
          'restart.backoff.initial.ms': '500',
          'restart.backoff.max.ms': '2000',
        },
      });
      expect(created.status).toBe(201);
      await until('the task to run', async () => ((await task0())?.state === 'RUNNING' ? true : undefined));
      expect((await idsInTopic('recovery-orders', 20)).size).toBe(20);

      await kafka.kill();
      await insertRows(21, 40);
      // FAILED with the trace, and the automatic restart it is waiting for.
      const failed = await until('the task to fail', async () => {
        const t = await task0();
        return t?.state === 'FAILED' && t.restart_attempts !== undefined ? t : undefined;
      });
      expect(failed.trace).toMatch(/^org\.apache\.kafka\.connect\.errors\.ConnectException: Gave up producing for orders-0 for this window\n/);
      expect(failed.trace).toMatch(/\nCaused by: org\.apache\.kafka\.connect\.errors\.RetriableException: (Sending \d+ records to Kafka failed|Kafka did not acknowledge)/);
      await insertRows(41, 50);
      await kafka.revive();
      await insertRows(51, 60);

      const running = await until('the task to run again', async () => {
        const t = await task0();
        return t?.state === 'RUNNING' ? t : undefined;
      });
      expect(running.worker_id).not.toBe(failed.worker_id);
      // The killed cluster took rows 1–20 with it; every row its offsets did not cover comes again.
      const ids = await idsInTopic('recovery-orders', 40);
      for (let id = 21; id <= 60; id++) expect(ids.has(id), `row ${id}`).toBe(true);
      // A restart that began before the broker was back may fail once more; recovery brings it back again.
      await until('the task to stay running', async () => ((await task0())?.state === 'RUNNING' ? true : undefined));
    } finally {
      await scheduler.stop();
      await app.localRestarts?.settled();
      await sources.close();
      await parts.close();
      await app.close();
    }
  }, 120_000);
});
