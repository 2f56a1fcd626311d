/**
 * EMF metrics of real task runs: a FileStreamSource window and a FileStreamSink batch on dynalite and
 * the mock-cluster broker, built by the composition root, with the EMF adapter writing into a captured
 * stream. The sink batch is the Lambda Kafka event the ESM emulator would build from what the source
 * wrote, plus one record that is not JSON (tolerated, to the DLQ).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import type { Logger } from '#lib/logging/logger';
import { createEmfMetrics, type EmfDocument } from '#lib/metrics/emf-metrics';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { decodeKafkaEvent, type KafkaEvent } from '#lib/runtime/sink/msk-event';
import { createSinkRuntime } from '#lib/runtime/sink/sink-runtime';
import { createInProcessSourceRuntime } from '#lib/runtime/source/in-process-runtime';
import { kafkaEvent } from '#lib/standalone/esm-event';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import { createApp, sinkParts, sourceParts, type App } from '#lib/wiring';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';
import { startTestKafka, type TestKafka } from '#test/support/kafka';

const quiet: Logger = { name: 'itest', trace() {}, debug() {}, info() {}, warn() {}, error() {} };
const LINES = 25;

let dynalite: DynaliteInstance;
let kafka: TestKafka;
let app: App;
const emitted: string[] = [];
const metrics = createEmfMetrics({ write: (line) => void emitted.push(line) });

beforeAll(async () => {
  [dynalite, kafka] = await Promise.all([startDynalite(), startTestKafka()]);
  await ensureTable(dynalite.client, 'metrics');
  const stores = createDynamoDbStores({ client: dynalite.client, tableName: 'metrics' });
  app = createApp(settingsFromEnv({ KAFKA_BROKERS: kafka.brokers.join(','), CONNECT_OFFSET_FLUSH_INTERVAL_MS: '0', CONNECT_REST_ADVERTISED_HOST_NAME: 'itest' }), { stores });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await Promise.all([dynalite?.stop(), kafka?.stop()]);
});

function documentsOf(connector: string): EmfDocument[] {
  return emitted.map((line) => JSON.parse(line) as EmfDocument).filter((d) => d.Connector === connector);
}

describe('EMF task metrics on the real stand-ins', () => {
  const topic = `metrics-${randomUUID()}`;
  const source = `file-source-${randomUUID().slice(0, 8)}`;
  const sink = `file-sink-${randomUUID().slice(0, 8)}`;

  it('a FileStreamSource window writes one EMF line with what it polled and Kafka acknowledged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lc-metrics-'));
    await writeFile(join(dir, 'in.txt'), Array.from({ length: LINES }, (_, i) => `line-${i}\n`).join(''));
    await app.herder.createConnector(source, { 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: join(dir, 'in.txt'), topic, 'poll.window.ms': '20000' });
    const parts = sourceParts(app, { log: quiet, metrics });
    const sources = createInProcessSourceRuntime(parts.deps, { workerId: 'itest:8083' });
    try {
      const record = await app.stores.configs.get(source);
      const summary = await sources.runtime.runTask({ connector: source, taskId: 0, generation: record?.generation ?? 1 }, { invocationId: 'inv-1', workerId: 'itest/inv-1', remainingTimeMs: 60_000 });
      expect(summary).toMatchObject({ outcome: 'completed', produced: LINES });
    } finally {
      await sources.close();
      await parts.close();
    }
    const documents = documentsOf(source);
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document?._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'LambdaConnect',
        Dimensions: [['Connector', 'ConnectorType', 'Task']],
        Metrics: [
          { Name: 'SourceRecordsPolled', Unit: 'Count' },
          { Name: 'SourceRecordsWritten', Unit: 'Count' },
          { Name: 'RecordsFailed', Unit: 'Count' },
          { Name: 'DlqRecords', Unit: 'Count' },
          { Name: 'TaskFailed', Unit: 'Count' },
          { Name: 'SourceWindowUtilisation', Unit: 'Percent' },
        ],
      },
    ]);
    expect(document).toMatchObject({ ConnectorType: 'source', Task: '0', SourceRecordsPolled: LINES, SourceRecordsWritten: LINES, RecordsFailed: 0, DlqRecords: 0, TaskFailed: 0 });
    // The file ran dry: the window ended idle, well before its 20 s.
    expect(document?.SourceWindowUtilisation).toBeLessThan(100);
  }, 60_000);

  it('a FileStreamSink batch writes one EMF line with received, put, failed, DLQ writes and the lag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lc-metrics-'));
    await app.herder.createConnector(sink, {
      'connector.class': 'FileStreamSink',
      'tasks.max': '1',
      file: join(dir, 'out.txt'),
      topics: topic,
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': `${topic}-dlq`,
    });
    await kafka.produce(topic, [{ value: 'not json', partition: 0 }]);
    const consumed = await kafka.consume(topic, LINES + 1, 60_000);
    const event = kafkaEvent(
      consumed.map((m) => ({ topic: m.topic, partition: m.partition, offset: m.offset.toString(), timestamp: String(m.timestamp), key: m.key, value: m.value })),
      { bootstrapServers: kafka.brokers, clusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/itest/abc' },
    );
    const parts = sinkParts(app, { log: quiet });
    const runtime = createSinkRuntime(parts.deps, { metrics });
    const startedAt = Date.now();
    try {
      const summary = await runtime.handleBatch(decodeKafkaEvent(event as KafkaEvent), { alias: aliasFor(sink), invocationId: 'inv-2', workerId: 'itest/inv-2', remainingTimeMs: 60_000 });
      expect(summary).toMatchObject({ outcome: 'completed', records: LINES + 1, put: LINES, failed: 1 });
    } finally {
      await runtime.close();
      await parts.close();
    }
    const documents = documentsOf(sink);
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document).toMatchObject({ ConnectorType: 'sink', Task: '0', SinkRecordsReceived: LINES + 1, SinkRecordsPut: LINES, RecordsFailed: 1, DlqRecords: 1 });
    expect(document?._aws.CloudWatchMetrics[0]?.Metrics).toContainEqual({ Name: 'SinkLag', Unit: 'Milliseconds' });
    // The age of the newest record of the partition furthest behind, taken between these two instants.
    const newestPerPartition = new Map<number, number>();
    for (const m of consumed) newestPerPartition.set(m.partition, Math.max(newestPerPartition.get(m.partition) ?? 0, m.timestamp));
    const head = Math.min(...newestPerPartition.values());
    expect(document?.SinkLag).toBeGreaterThanOrEqual(startedAt - head);
    expect(document?.SinkLag).toBeLessThanOrEqual(Date.now() - head);
  }, 90_000);
});
