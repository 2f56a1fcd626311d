/**
 * Commits offsets for a consumer group by joining it: subscribe to the topics, wait for the group
 * join, pause fetching, commit with the generation we joined, leave. Kafka's admin
 * `alterConsumerGroupOffsets` (kafkajs `setOffsets`) needs DescribeGroups, which the mock cluster
 * lacks; this works on the mock and on real brokers alike. Like Kafka's admin call it is meant for a
 * group without active members: with members present, joining triggers a rebalance.
 */
import type { Kafka } from 'kafkajs';
import { KafkaClientError } from './errors';
import type { TopicPartitionOffset } from './admin-port';

export async function commitAsGroupMember(kafka: Kafka, groupId: string, offsets: readonly TopicPartitionOffset[], joinTimeoutMs: number): Promise<void> {
  if (offsets.length === 0) return;
  const topics = [...new Set(offsets.map((o) => o.topic))];
  // A short session: if the broker does not act on our LeaveGroup (the mock cluster does not), the
  // group's next real member waits for this session to expire before it can join.
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, sessionTimeout: 6000, heartbeatInterval: 1000 });
  let timer: NodeJS.Timeout | undefined;
  const joined = new Promise<void>((resolve, reject) => {
    consumer.on(consumer.events.GROUP_JOIN, () => {
      consumer.pause(topics.map((topic) => ({ topic })));
      resolve();
    });
    consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
    timer = setTimeout(
      () => reject(new KafkaClientError(`Did not join consumer group ${groupId} within ${joinTimeoutMs} ms`, { retriable: true, reason: 'GROUP_JOIN_TIMEOUT' })),
      joinTimeoutMs,
    );
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    await joined;
    await consumer.commitOffsets(offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset.toString(), metadata: o.metadata ?? null })));
  } finally {
    clearTimeout(timer);
    joined.catch(() => undefined);
    await consumer.disconnect();
  }
}
