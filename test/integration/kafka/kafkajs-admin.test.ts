import { afterEach, describe, expect, it } from 'vitest';
import type { AdminPort } from '#lib/kafka/admin-port';
import { createKafkaAdmin } from '#lib/kafka/kafkajs-admin';
import { useTestKafka } from '#test/support/kafka';

const kafka = useTestKafka();
const admins: AdminPort[] = [];

function admin(): AdminPort {
  const a = createKafkaAdmin(kafka().connection);
  admins.push(a);
  return a;
}

afterEach(async () => {
  await Promise.all(admins.splice(0).map((a) => a.close()));
});

describe('kafkajs admin against the embedded mock cluster', () => {
  it('answers createTopics with supported: false, as the mock has no CreateTopics API', async () => {
    const result = await admin().createTopics([{ name: kafka().unique('create'), partitions: 2, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } }]);

    expect(result).toEqual({ supported: false, reason: 'the brokers do not support the CreateTopics API' });
  }, 60_000);

  it('answers createTopics of no topics with nothing created', async () => {
    expect(await admin().createTopics([])).toEqual({ supported: true, created: [], existing: [] });
  }, 60_000);

  it('lists a topic once something was written to it', async () => {
    const topic = kafka().unique('listed');
    await kafka().produce(topic, [{ value: 'x' }]);

    expect(await admin().listTopics()).toContain(topic);
  }, 60_000);

  it('fetches the high watermark of every partition of a topic', async () => {
    const topic = kafka().unique('watermarks');
    await kafka().produce(topic, [{ partition: 0, value: 'a' }, { partition: 0, value: 'b' }, { partition: 2, value: 'c' }]);

    const offsets = await admin().fetchTopicOffsets(topic);

    expect(offsets).toEqual([
      { partition: 0, high: 2n, low: 0n },
      { partition: 1, high: 0n, low: 0n },
      { partition: 2, high: 1n, low: 0n },
      { partition: 3, high: 0n, low: 0n },
    ]);
  }, 60_000);

  it('commits offsets for a group by joining it, and reads them back', async () => {
    const topic = kafka().unique('commits');
    const groupId = kafka().unique('group');
    await kafka().produce(topic, [{ partition: 0, value: 'a' }, { partition: 0, value: 'b' }, { partition: 1, value: 'c' }]);

    await admin().commitGroupOffsets(groupId, [
      { topic, partition: 0, offset: 2n, metadata: 'from-test' },
      { topic, partition: 1, offset: 1n },
    ]);
    const committed = await admin().fetchCommittedOffsets(groupId, [topic]);

    expect(committed).toEqual([
      { topic, partition: 0, offset: 2n, metadata: 'from-test' },
      { topic, partition: 1, offset: 1n },
    ]);
  }, 90_000);

  it('leaves out partitions a group never committed', async () => {
    const topic = kafka().unique('uncommitted');
    await kafka().produce(topic, [{ partition: 0, value: 'a' }]);

    expect(await admin().fetchCommittedOffsets(kafka().unique('group'), [topic])).toEqual([]);
  }, 60_000);

  it('describes the cluster: its id, its brokers, and the controller id the brokers report', async () => {
    const description = await admin().describeCluster();

    expect(description.clusterId).toMatch(/^mockCluster/);
    expect(description.brokers.map((b) => `${b.host}:${b.port}`).sort()).toEqual([...kafka().brokers].sort());
    expect(description.controllerId).toBe(0);
  }, 60_000);
});
