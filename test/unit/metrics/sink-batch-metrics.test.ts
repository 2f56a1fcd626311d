import { describe, expect, it } from 'vitest';
import { createHerder } from '#lib/herder/herder';
import { createMemoryMetrics } from '#lib/metrics/memory-metrics';
import { createConnectorPlugins } from '#lib/plugin/connector-plugins';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { createSinkRuntime } from '#lib/runtime/sink/sink-runtime';
import type { PartitionBatch } from '#lib/runtime/sink/types';
import { createMemoryStores } from '#lib/store/memory/index';
import { fakeProducer, manualClock, silentLog, START } from '../runtime/source/harness';
import { RECORDING_SINK, recordingSinkDescriptor } from '../runtime/sink/fixtures/recording-sink';
import { partitionOf, uniqueSink } from '../runtime/sink/harness';

/** A sink runtime over memory stores with the recording sink, reporting into in-memory metrics. */
function measured() {
  const stores = createMemoryStores();
  const registry = createDefaultRegistry().register(recordingSinkDescriptor);
  const herder = createHerder({
    stores,
    plugins: createConnectorPlugins(registry),
    settings: { workerId: 'worker:8083', topicTrackingEnabled: true, topicTrackingAllowReset: true },
    serverInfo: async () => ({ version: '3.9.0', commit: 'test', kafka_cluster_id: null }),
    log: silentLog,
  });
  const producer = fakeProducer();
  const clock = manualClock();
  const metrics = createMemoryMetrics();
  const runtime = createSinkRuntime({ stores, registry, producer, clock, log: silentLog, settings: {}, mappings: { disable: async () => undefined } }, { metrics });
  const create = (name: string, config: Record<string, string> = {}) =>
    herder.createConnector(name, { 'connector.class': RECORDING_SINK, topics: 'orders', 'tasks.max': '1', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false', 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', ...config });
  const deliver = (name: string, partitions: PartitionBatch[]) =>
    runtime.handleBatch({ source: 'msk', partitions }, { alias: aliasFor(name), invocationId: 'inv-1', workerId: 'sink-task/inv-1', remainingTimeMs: 900_000 });
  return { metrics, clock, create, deliver };
}

describe('sink batch metrics', () => {
  it('flushes once per batch: received, put, failed, DLQ writes and the age of the newest record', async () => {
    const { metrics, clock, create, deliver } = measured();
    const name = uniqueSink();
    await create(name);
    clock.advance(5_000);
    await deliver(name, [partitionOf('orders', 0, 10, ['{"id":10}', '{"id":11}', '{"id":12}'])]);
    expect(metrics.flushes).toHaveLength(1);
    const dimensions = { Connector: name, ConnectorType: 'sink', Task: '0' };
    expect(metrics.flushes[0]).toEqual([
      { name: 'SinkRecordsReceived', value: 3, unit: 'Count', dimensions },
      { name: 'SinkRecordsPut', value: 3, unit: 'Count', dimensions },
      { name: 'RecordsFailed', value: 0, unit: 'Count', dimensions },
      { name: 'DlqRecords', value: 0, unit: 'Count', dimensions },
      // partitionOf stamps record i with START + i; the newest is START + 2, the clock is at START + 5000.
      { name: 'SinkLag', value: 4_998, unit: 'Milliseconds', dimensions },
    ]);
    expect(clock.now()).toBe(START + 5_000);
  });

  it('reports per task, with the lag of the partition furthest behind', async () => {
    const { metrics, clock, create, deliver } = measured();
    const name = uniqueSink();
    await create(name, { 'tasks.max': '2' });
    clock.advance(1_000);
    await deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}', '{"id":1}', '{"id":2}']), partitionOf('orders', 1, 0, ['{"id":3}']), partitionOf('orders', 2, 0, ['{"id":4}'])]);
    expect([metrics.total('SinkRecordsPut', { Task: '0' }), metrics.total('SinkRecordsPut', { Task: '1' })]).toEqual([4, 1]);
    // Task 0 has partitions 0 (newest START + 2) and 2 (newest START + 0): the latter is further behind.
    expect([metrics.total('SinkLag', { Task: '0' }), metrics.total('SinkLag', { Task: '1' })]).toEqual([1_000, 1_000]);
  });

  it('counts tolerated failures and their DLQ records', async () => {
    const { metrics, create, deliver } = measured();
    const name = uniqueSink();
    await create(name, { 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq' });
    await deliver(name, [partitionOf('orders', 0, 0, ['{"id":0}', 'not json'])]);
    expect(['SinkRecordsReceived', 'SinkRecordsPut', 'RecordsFailed', 'DlqRecords'].map((n) => metrics.total(n))).toEqual([2, 1, 1, 1]);
  });

  it('reports TaskFailed when a batch fails its task', async () => {
    const { metrics, create, deliver } = measured();
    const name = uniqueSink();
    await create(name);
    await expect(deliver(name, [partitionOf('orders', 0, 0, ['not json'])])).rejects.toThrow(/Tolerance exceeded/);
    expect(metrics.flushes).toEqual([[{ name: 'TaskFailed', value: 1, unit: 'Count', dimensions: { Connector: name, ConnectorType: 'sink', Task: '0' } }]]);
  });

  it('reports no lag for records without a timestamp', async () => {
    const { metrics, create, deliver } = measured();
    const name = uniqueSink();
    await create(name);
    const [partition] = [partitionOf('orders', 0, 0, ['{"id":0}'])].map((p) => ({ ...p, records: p.records.map((r) => ({ ...r, timestamp: -1, timestampType: 'NO_TIMESTAMP_TYPE' as const })) }));
    await deliver(name, [partition as PartitionBatch]);
    expect(metrics.flushes[0]?.map((d) => d.name)).not.toContain('SinkLag');
  });
});
