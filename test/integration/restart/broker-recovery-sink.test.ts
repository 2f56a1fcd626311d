/**
 * A broker outage under a running sink connector: the Kafka cluster stops answering mid-stream
 * (stalled with SIGSTOP: the same brokers, addresses and log come back, as after a broker restart;
 * a killed mock cluster comes back empty, see test/support/kafka-outage.ts) and returns. The
 * standalone ESM emulator must get its consumer going again without any request, and every record
 * produced before, during (held by a retrying producer) and after the outage must reach the sink
 * file. Real stand-ins: the REST handler over dynalite with local restarts, the kcat mock cluster,
 * the ESM emulator invoking the real sink-task handler, FileStreamSink.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from '#lib/kafka/kafkajs';
import { loggers } from '#lib/logging/logger';
import { processSinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import { startEsmEmulator, type EsmEmulator, type KafkaEventHandler } from '#lib/standalone/esm-emulator';
import { currentApp } from '#lib/wiring';
import { startKafkaWithOutages, type KafkaWithOutages } from '#test/support/kafka-outage';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';
import { eventually, fileLines } from '#test/integration/sink/sink-stack';

// Every client retry against the dead cluster logs a warning; only errors matter here.
loggers.set('lambda_connect', 'ERROR', Date.now());

let kafka: KafkaWithOutages;
let worker: TestWorker;
let emulator: EsmEmulator;
let dir: string;

beforeAll(async () => {
  [kafka, dir] = await Promise.all([startKafkaWithOutages(), mkdtemp(join(tmpdir(), 'broker-recovery-sink-'))]);
  worker = await startTestWorker({
    KAFKA_BROKERS: kafka.bootstrap.join(','),
    LAMBDA_CONNECT_SINK_MAPPINGS: 'memory',
    LAMBDA_CONNECT_RESTARTS: 'local',
    LAMBDA_CONNECT_RESTART_POLL_SECONDS: '1',
    LAMBDA_CONNECT_RESTART_MAX_POLLS: '30',
  });
  const { handler } = (await import('#functions/sink-task')) as { handler: KafkaEventHandler };
  emulator = startEsmEmulator({ mappings: processSinkMappings(), connection: { brokers: kafka.bootstrap, clientId: 'itest' }, handler, retry: { minMs: 50, maxMs: 500 } });
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
  await (await currentApp()).localRestarts?.close();
  await worker?.stop();
  await kafka?.stop();
  await rm(dir, { recursive: true, force: true });
});

let failedSends = 0;

/** Sends once the cluster takes it: a producer application riding out the outage. */
async function produceRetrying(topic: string, values: readonly string[], partitions?: readonly number[]): Promise<void> {
  for (;;) {
    const client = new Kafka({ brokers: kafka.bootstrap, clientId: 'broker-recovery-producer', logLevel: logLevel.NOTHING, requestTimeout: 1_000, connectionTimeout: 1_000, retry: { retries: 1, initialRetryTime: 100 } });
    const producer = client.producer();
    try {
      await producer.connect();
      await producer.send({ topic, messages: values.map((value, i) => ({ value, ...(partitions ? { partition: partitions[i % partitions.length] } : {}) })) });
      return;
    } catch {
      failedSends += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  }
}

async function createFileSink(name: string, topic: string, file: string): Promise<void> {
  const created = await worker.request('POST', '/connectors', {
    name,
    config: {
      'connector.class': 'FileStreamSink',
      topics: topic,
      file,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'restart.backoff.initial.ms': '500',
      'restart.backoff.max.ms': '2000',
    },
  });
  expect(created.status).toBe(201);
}

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `record-${from + i}`);

describe('a sink connector through a broker outage', () => {
  it('consumes again once the broker is back, without a request, losing no record', async () => {
    const file = join(dir, 'sink.txt');
    const topic = 'recovery-sink';
    await createFileSink('lines', topic, file);
    await produceRetrying(topic, range(1, 20));
    await eventually(() => fileLines(file), (lines) => new Set(lines).size === 20, 45_000);

    kafka.freeze();
    const during = produceRetrying(topic, range(21, 30));
    // The broker is gone for longer than the emulator's consumer session (6 s): a producer noticed eight times.
    await eventually(async () => failedSends, (failed) => failed >= 8, 60_000);
    kafka.thaw();
    await during;
    await produceRetrying(topic, range(31, 40));

    const lines = await eventually(() => fileLines(file), (all) => range(1, 40).every((r) => all.includes(r)), 60_000);
    expect(new Set(lines)).toEqual(new Set(range(1, 40)));
    const status = await worker.request('GET', '/connectors/lines/status');
    expect(status.json).toMatchObject({ connector: { state: 'RUNNING' }, tasks: [{ id: 0, state: 'RUNNING' }] });
  }, 150_000);

  it('consumes again from a cluster that was killed and replaced, without a request', async () => {
    const file = join(dir, 'replaced.txt');
    const topic = 'recovery-replaced';
    await createFileSink('replaced', topic, file);
    // Before the kill only partition 0 has records: the consumer's positions elsewhere stay at the
    // start, so the replaced (empty) cluster's partitions 1–3 are read from their first record.
    await produceRetrying(topic, range(1, 5), [0]);
    await eventually(() => fileLines(file), (lines) => lines.length === 5, 45_000);

    const refusedBefore = kafka.refused;
    await kafka.kill();
    const during = produceRetrying(topic, range(6, 15), [1, 2, 3]);
    // The emulator's consumer and the producer keep knocking at the bootstrap address.
    await eventually(async () => kafka.refused, (refused) => refused >= refusedBefore + 10, 45_000);
    await kafka.revive();
    await during;
    await produceRetrying(topic, range(16, 25), [1, 2, 3]);

    const lines = await eventually(() => fileLines(file), (all) => range(1, 25).every((r) => all.includes(r)), 60_000);
    expect(new Set(lines)).toEqual(new Set(range(1, 25)));
    const status = await worker.request('GET', '/connectors/replaced/status');
    expect(status.json).toMatchObject({ connector: { state: 'RUNNING' }, tasks: [{ id: 0, state: 'RUNNING' }] });
  }, 150_000);
});
