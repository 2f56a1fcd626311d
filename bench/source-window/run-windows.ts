/**
 * Runs a datagen connector's windows in process, as standalone mode does (REST → dispatcher →
 * windows that start their successors), and measures the records Kafka acknowledged per CPU-second
 * and per wall-second after a warm-up, then shuts the windows down (each commits and ends).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { createKafkaProducer } from '#lib/kafka/kafkajs-producer';
import type { ProducerRecord } from '#lib/kafka/producer-port';
import type { Logger } from '#lib/logging/logger';
import { createInProcessSourceRuntime } from '#lib/runtime/source/in-process-runtime';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import { createApp, sourceParts } from '#lib/wiring';
import type { Rate } from '../measure';
import { meterProducer } from './metered-producer';
import { trackWindowGaps } from './window-gaps';

const WARM_UP_MS = 1000;
const quiet: Logger = { name: 'bench', trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export interface WindowRunOptions {
  brokers: string[];
  dynamo: DynamoDBClient;
  seconds: number;
  connectorConfig(topic: string): Record<string, string>;
}

export interface WindowRun {
  rate: Rate;
  /** The first batch the windows sent. */
  sample: readonly ProducerRecord[];
  /** Windows started, and the gaps between chained ones (ms). */
  windows: number;
  gaps: number[];
}

export async function runWindows({ brokers, dynamo, seconds, connectorConfig }: WindowRunOptions): Promise<WindowRun> {
  const stamp = Date.now();
  const tableName = `bench-${stamp}`;
  await ensureTable(dynamo, tableName);
  const stores = createDynamoDbStores({ client: dynamo, tableName });
  const app = createApp(settingsFromEnv({ KAFKA_BROKERS: brokers.join(','), LAMBDA_CONNECT_TABLE: tableName, CONNECT_REST_ADVERTISED_HOST_NAME: 'bench' }), { stores });
  const kafkaProducer = createKafkaProducer({ connection: { brokers, clientId: 'bench-window' } });
  const producer = meterProducer(kafkaProducer);
  const windowGaps = trackWindowGaps();
  const parts = sourceParts(app, { producer, log: quiet, hooks: { onPhase: (phase, info) => windowGaps.onPhase(phase, info) } });
  const sources = createInProcessSourceRuntime(parts.deps, { workerId: 'bench:8083' });
  try {
    const name = `bench-window-${stamp}`;
    const created = await app.rest.handle({ method: 'POST', path: '/connectors', rawQuery: '', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, config: connectorConfig(`${name}-data`) }) });
    if (created.statusCode !== 201) throw new Error(`Creating the bench connector: ${created.statusCode} ${created.body ?? ''}`);
    await sources.runtime.dispatch();
    await sleep(WARM_UP_MS);
    const before = producer.acknowledged();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await sleep(seconds * 1000);
    const cpu = process.cpuUsage(cpuStart);
    const wall = (performance.now() - start) / 1000;
    const records = producer.acknowledged() - before;
    return { rate: { cpu: records / ((cpu.user + cpu.system) / 1e6), wall: records / wall }, sample: producer.sample(), windows: sources.invoker.history.length, gaps: windowGaps.gaps() };
  } finally {
    await sources.close();
    await parts.close();
    await kafkaProducer.close();
    await app.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
