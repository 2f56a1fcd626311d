import { afterAll, describe, expect, it } from 'vitest';
import { createKafkaAdmin } from '#lib/kafka/kafkajs-admin';
import { createKafkaProducer } from '#lib/kafka/kafkajs-producer';
import { createTopicCreation } from '#lib/kafka/topic-creation';
import type { Logger } from '#lib/logging/logger';
import { useTestKafka } from '#test/support/kafka';

const kafka = useTestKafka();
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: string): void => {
    lines.push(m);
  };
  return { name: 'test', lines, trace: push, debug: push, info: push, warn: push, error: push };
}

describe('topic creation against the embedded mock cluster', () => {
  it('leaves a new topic to the broker with one log line, once, and records then reach it', async () => {
    const admin = createKafkaAdmin(kafka().connection);
    const producer = createKafkaProducer({ connection: kafka().connection });
    closers.push(() => admin.close(), () => producer.close());
    const logger = recordingLogger();
    const creation = createTopicCreation({ admin, logger, connectorConfig: { 'topic.creation.default.replication.factor': '1', 'topic.creation.default.partitions': '2' } });
    const topic = kafka().unique('auto');

    const first = await creation.ensureTopicsForRecords([topic, topic]);
    const second = await creation.ensureTopicsForRecords([topic]);
    await producer.send([{ topic, key: null, value: new Uint8Array([1]), headers: [] }]);

    expect(first).toEqual({ created: [], existing: [], leftToBroker: [topic] });
    expect(second).toEqual({ created: [], existing: [], leftToBroker: [] });
    expect(logger.lines.filter((l) => l.includes('will be auto-created by the broker'))).toEqual([
      `Topic '${topic}' will be auto-created by the broker: the brokers do not support the CreateTopics API`,
    ]);
    expect(await admin.listTopics()).toContain(topic);
  }, 60_000);

  it('finds a topic that already exists without trying to create it', async () => {
    const admin = createKafkaAdmin(kafka().connection);
    closers.push(() => admin.close());
    const topic = kafka().unique('existing');
    await kafka().produce(topic, [{ value: 'x' }]);
    const creation = createTopicCreation({ admin, logger: recordingLogger(), connectorConfig: { 'topic.creation.default.replication.factor': '1', 'topic.creation.default.partitions': '1' } });

    expect(await creation.ensureTopicsForRecords([topic])).toEqual({ created: [], existing: [topic], leftToBroker: [] });
  }, 60_000);
});
