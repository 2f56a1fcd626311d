/**
 * Source tasks on the real stand-ins: one dynalite and one embedded mock-cluster broker per test
 * file; per test a fresh table, the composition root's REST API and source runtime (the kafkajs
 * producer, topic creation and the in-process invoker, as in standalone mode), a clock that tests
 * can move forward to expire leases, and crash hooks. Topics are read back with a plain kafkajs
 * consumer, up to the high watermark, so duplicates are seen too.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from '#lib/kafka/kafkajs';
import { afterAll, beforeAll } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import type { Logger } from '#lib/logging/logger';
import { systemClock, type Clock } from '#lib/runtime/source/clock';
import { createInProcessSourceRuntime, type InProcessSourceRuntime } from '#lib/runtime/source/in-process-runtime';
import type { PhaseInfo, SourceWindowSummary, WindowPhase } from '#lib/runtime/source/types';
import { startEmbeddedKafka, type EmbeddedKafka } from '#lib/standalone/embedded-kafka';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import type { RunnerStores } from '#lib/store/types';
import { createApp, sourceParts, type App } from '#lib/wiring';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';
import { runtimeTestRegistry } from '#test/unit/runtime/source/fixtures/registry';

export const LEASE_TTL_MS = 5_000;
export const WORKER_ID = 'itest:8083';

export const quietLog: Logger = { name: 'itest', trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export interface SkewClock extends Clock {
  /** Moves time forward for the runtime (lease expiry) without waiting. */
  advance(ms: number): void;
}

export interface TopicRecord {
  partition: number;
  key: string;
  value: string;
}

export interface SourceTestEnv {
  app: App;
  stores: RunnerStores;
  sources: InProcessSourceRuntime;
  clock: SkewClock;
  /** Called at every window phase; throw SimulatedCrash to kill that invocation. */
  onPhase?: (phase: WindowPhase, info: PhaseInfo) => void | Promise<void>;
  rest(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** One window of a task at the connector's current generation, as the source-task function runs it. */
  runWindow(connector: string, invocationId?: string, taskId?: number): Promise<SourceWindowSummary>;
  /** Dispatches once and waits until every window (and every successor it started) ended. */
  dispatchAndWait(): Promise<void>;
  close(): Promise<void>;
}

export interface SourceStack {
  brokers(): string[];
  /** A fresh table and runtime; `worker` overrides environment settings (e.g. CONNECT_OFFSET_FLUSH_INTERVAL_MS). */
  fresh(worker?: Record<string, string>): Promise<SourceTestEnv>;
  /** Everything in the topic, partition by partition, read with a fresh consumer group. */
  readTopic(topic: string): Promise<TopicRecord[]>;
}

export function useSourceStack(): SourceStack {
  let dynalite: DynaliteInstance | undefined;
  let kafka: EmbeddedKafka | undefined;
  let tables = 0;
  beforeAll(async () => {
    [dynalite, kafka] = await Promise.all([startDynalite(), startEmbeddedKafka()]);
  });
  afterAll(async () => {
    await Promise.all([dynalite?.stop(), kafka?.stop()]);
  });
  const brokers = (): string[] => kafka?.bootstrapServers ?? [];

  return {
    brokers,
    async fresh(worker = {}) {
      if (dynalite === undefined) throw new Error('The stack has not started');
      tables += 1;
      const tableName = `source-${tables}`;
      await ensureTable(dynalite.client, tableName);
      const stores = createDynamoDbStores({ client: dynalite.client, tableName });
      const settings = settingsFromEnv({
        KAFKA_BROKERS: brokers().join(','),
        CONNECT_OFFSET_FLUSH_INTERVAL_MS: '0',
        LAMBDA_CONNECT_SOURCE_LEASE_MS: String(LEASE_TTL_MS),
        CONNECT_REST_ADVERTISED_HOST_NAME: 'itest',
        ...worker,
      });
      const app = createApp(settings, { stores, registry: runtimeTestRegistry() });
      let skew = 0;
      const clock: SkewClock = { now: () => Date.now() + skew, sleep: systemClock.sleep, advance: (ms) => void (skew += ms) };
      const env: Partial<SourceTestEnv> = {};
      const parts = sourceParts(app, { clock, log: quietLog, hooks: { onPhase: (phase, info) => env.onPhase?.(phase, info) } });
      const sources = createInProcessSourceRuntime(parts.deps, { workerId: WORKER_ID });
      return Object.assign(env, {
        app,
        stores,
        sources,
        clock,
        async rest(method: string, path: string, body?: unknown) {
          const response = await app.rest.handle({
            method,
            path,
            rawQuery: '',
            headers: { 'content-type': 'application/json' },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          return { status: response.statusCode, json: response.body ? JSON.parse(response.body) : undefined };
        },
        async runWindow(connector: string, invocationId = randomUUID(), taskId = 0) {
          const record = await stores.configs.get(connector);
          const event = { connector, taskId, generation: record?.generation ?? 1 };
          return sources.runtime.runTask(event, { invocationId, workerId: `${WORKER_ID}/${invocationId}`, remainingTimeMs: 900_000 });
        },
        async dispatchAndWait() {
          await sources.runtime.dispatch();
          await sources.invoker.idle();
        },
        async close() {
          await sources.close();
          await parts.close();
          await app.close();
        },
      }) as SourceTestEnv;
    },
    readTopic: (topic) => readTopic(brokers(), topic),
  };
}

export async function readTopic(brokers: string[], topic: string): Promise<TopicRecord[]> {
  const kafka = new Kafka({ brokers, clientId: 'itest-reader', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const expected = ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  const consumer = kafka.consumer({ groupId: `itest-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const seen: Array<TopicRecord & { offset: number }> = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      if (expected === 0) return resolve();
      timer = setTimeout(() => reject(new Error(`Read ${seen.length} of ${expected} records of ${topic}`)), 30_000);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          seen.push({ partition, offset: Number(message.offset), key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
          if (seen.length >= expected) resolve();
        },
      });
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return seen.sort((a, b) => a.partition - b.partition || a.offset - b.offset).map(({ partition, key, value }) => ({ partition, key, value }));
}

/** The row ids in a topic, in order. */
export function rowIds(records: readonly TopicRecord[]): number[] {
  return records.map((r) => (JSON.parse(r.value) as { payload: { id: number } }).payload.id);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
