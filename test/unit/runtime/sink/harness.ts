/**
 * Sink batches over the real memory stores, herder, registry and pipeline, with a recording sink
 * connector, a fake producer for the DLQ, a recording mapping control and a manual clock.
 */
import { createHerder } from '#lib/herder/herder';
import type { Herder } from '#lib/herder/types';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import { createConnectorPlugins } from '#lib/plugin/connector-plugins';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import type { TaskFailure } from '#lib/runtime/restart/task-recovery';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { createSinkRuntime, type SinkRuntime } from '#lib/runtime/sink/sink-runtime';
import type { PartitionBatch, SinkBatch, SinkBatchSummary } from '#lib/runtime/sink/types';
import { createMemoryStores } from '#lib/store/memory/index';
import type { RunnerStores } from '#lib/store/types';
import { fakeProducer, manualClock, silentLog, type FakeProducer, type ManualClock } from '../source/harness';
import { RECORDING_SINK, recordingBehaviour, recordingSinkDescriptor, type RecordingBehaviour } from './fixtures/recording-sink';

export interface SinkHarness {
  stores: RunnerStores;
  herder: Herder;
  producer: FakeProducer;
  clock: ManualClock;
  runtime: SinkRuntime;
  disabled: string[];
  /** The failures handed to automatic recovery, in order. */
  recovered: TaskFailure[];
  create(name: string, config?: Record<string, string>): Promise<RecordingBehaviour>;
  /** One invocation; `remainingTimeMs` is what the Lambda context would report at its start. */
  deliver(name: string, partitions: PartitionBatch[], options?: { remainingTimeMs?: number }): Promise<SinkBatchSummary>;
}

export function sinkHarness(): SinkHarness {
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
  const disabled: string[] = [];
  const recovered: TaskFailure[] = [];
  const recovery = { taskFailed: async (failure: TaskFailure) => (recovered.push(failure), 'scheduled' as const) };
  const runtime = createSinkRuntime({ stores, registry, producer, clock, log: silentLog, settings: {}, mappings: { disable: async (name) => void disabled.push(name) }, recovery });
  let invocations = 0;
  return {
    stores,
    herder,
    producer,
    clock,
    runtime,
    disabled,
    recovered,
    async create(name, config = {}) {
      await herder.createConnector(name, { 'connector.class': RECORDING_SINK, topics: 'orders', 'tasks.max': '1', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false', 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', ...config });
      return recordingBehaviour(name);
    },
    deliver(name, partitions, options = {}) {
      invocations += 1;
      const batch: SinkBatch = { source: 'msk', partitions };
      return runtime.handleBatch(batch, { alias: aliasFor(name), invocationId: `inv-${invocations}`, workerId: `sink-task/inv-${invocations}`, remainingTimeMs: options.remainingTimeMs ?? 900_000 });
    },
  };
}

/** Records of one partition with JSON values; `values` as text (null: tombstone). */
export function partitionOf(topic: string, partition: number, firstOffset: number, values: Array<string | null>): PartitionBatch {
  const records: ConsumerRecord[] = values.map((v, i) => ({
    topic,
    partition,
    offset: BigInt(firstOffset + i),
    timestamp: 1_700_000_000_000 + i,
    timestampType: 'CREATE_TIME',
    key: Buffer.from(`k${firstOffset + i}`),
    value: v === null ? null : Buffer.from(v),
    headers: [],
  }));
  return { topic, partition, records };
}

let names = 0;
export function uniqueSink(prefix = 'sink'): string {
  names += 1;
  return `${prefix}-${names}-${Math.random().toString(36).slice(2, 8)}`;
}
