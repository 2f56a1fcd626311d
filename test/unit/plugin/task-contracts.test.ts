import { describe, expect, it } from 'vitest';
import { topicPartitionKey, type TopicPartition } from '#lib/kafka/topic-partition';
import { preCommitOf, type PartitionOffsets, type SinkTask } from '#lib/plugin/sink-task';
import { hasTaskFactory, isSinkConnectorDescriptor, isSourceConnectorDescriptor, type SinkConnectorDescriptor } from '#lib/plugin/task-types';
import type { ConnectorDescriptor } from '#lib/plugin/types';
import { ConfigDef } from '#lib/plugin/config-def';

const tp: TopicPartition = { topic: 'orders', partition: 1 };
const offsets: PartitionOffsets = new Map([[topicPartitionKey(tp), { partition: tp, offset: { offset: 11n } }]]);

function sinkTask(overrides: Partial<SinkTask> = {}): SinkTask {
  return { version: () => '1', initialize() {}, start() {}, put() {}, stop() {}, ...overrides };
}

describe('preCommitOf', () => {
  it("flushes, then reports every offset as safe to commit (Kafka's default preCommit)", async () => {
    const flushed: PartitionOffsets[] = [];
    const task = sinkTask({ flush: (o) => void flushed.push(o) });
    await expect(preCommitOf(task, offsets)).resolves.toBe(offsets);
    expect(flushed).toEqual([offsets]);
  });

  it("uses the task's own preCommit, without flushing, when it has one", async () => {
    let flushed = false;
    const none: PartitionOffsets = new Map();
    const task = sinkTask({ flush: () => void (flushed = true), preCommit: () => none });
    await expect(preCommitOf(task, offsets)).resolves.toBe(none);
    expect(flushed).toBe(false);
  });

  it('commits everything for a task without flush or preCommit', async () => {
    await expect(preCommitOf(sinkTask(), offsets)).resolves.toBe(offsets);
  });
});

describe('connector descriptors with task factories', () => {
  const controlPlaneOnly: ConnectorDescriptor = { className: 'a.B', type: 'sink', configDef: () => new ConfigDef(), create: () => { throw new Error('unused'); } };
  const sink: SinkConnectorDescriptor = { ...controlPlaneOnly, type: 'sink', create: () => { throw new Error('unused'); }, createTask: () => sinkTask() };

  it('tells a runnable sink connector from a control-plane-only one', () => {
    expect(hasTaskFactory(controlPlaneOnly)).toBe(false);
    expect(hasTaskFactory(sink)).toBe(true);
    expect(isSinkConnectorDescriptor(sink)).toBe(true);
    expect(isSourceConnectorDescriptor(sink)).toBe(false);
  });
});

describe('topicPartitionKey', () => {
  it("renders Kafka's TopicPartition.toString()", () => {
    expect(topicPartitionKey(tp)).toBe('orders-1');
  });
});
