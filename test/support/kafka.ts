/**
 * One embedded Kafka (librdkafka's mock cluster via kcat) per test file, and small helpers that
 * produce and consume with plain kafkajs for assertions. Every consume joins a fresh consumer group
 * (the mock takes ~3 s per first join), so give those tests generous timeouts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { Kafka, logLevel } from '#lib/kafka/kafkajs';
import type { Message } from 'kafkajs';
import type { RecordHeader } from '#lib/kafka/producer-port';
import type { KafkaConnection } from '#lib/kafka/types';
import { startEmbeddedKafka } from '#lib/standalone/embedded-kafka';

export interface ConsumedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** In kafkajs's order: grouped by key. */
  readonly headers: readonly RecordHeader[];
  readonly timestamp: number;
}

export interface TestKafka {
  readonly brokers: string[];
  readonly connection: KafkaConnection;
  /** A topic or group name no other test uses. */
  unique(prefix: string): string;
  /** Writes with a plain (non-idempotent) kafkajs producer. */
  produce(topic: string, messages: readonly Message[]): Promise<void>;
  /** Reads `count` records from the beginning with a fresh group; rejects after `timeoutMs` (default 30 s). */
  consume(topic: string, count: number, timeoutMs?: number): Promise<ConsumedMessage[]>;
  stop(): Promise<void>;
}

export async function startTestKafka(): Promise<TestKafka> {
  const embedded = await startEmbeddedKafka();
  const brokers = embedded.bootstrapServers;
  const kafka = new Kafka({ brokers, clientId: 'test-support', logLevel: logLevel.NOTHING });
  return {
    brokers,
    connection: { brokers, clientId: 'lambda-connect-test' },
    unique: (prefix) => `${prefix}-${randomUUID().slice(0, 8)}`,
    async produce(topic, messages) {
      const producer = kafka.producer();
      await producer.connect();
      try {
        await producer.send({ topic, messages: [...messages] });
      } finally {
        await producer.disconnect();
      }
    },
    consume: (topic, count, timeoutMs = 30_000) => consume(kafka, topic, count, timeoutMs),
    stop: () => embedded.stop(),
  };
}

/** Starts the cluster before the file's tests and stops it after; call at the top of a test file. */
export function useTestKafka(): () => TestKafka {
  let kafka: TestKafka | undefined;
  beforeAll(async () => {
    kafka = await startTestKafka();
  });
  afterAll(async () => {
    await kafka?.stop();
  });
  return () => {
    if (kafka === undefined) throw new Error('The test Kafka cluster has not started');
    return kafka;
  };
}

async function consume(kafka: Kafka, topic: string, count: number, timeoutMs: number): Promise<ConsumedMessage[]> {
  const consumer = kafka.consumer({ groupId: `test-${randomUUID()}` });
  const seen: ConsumedMessage[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Consumed ${seen.length} of ${count} records from ${topic} within ${timeoutMs} ms`)), timeoutMs);
      if (count === 0) resolve();
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          seen.push({ topic, partition, offset: BigInt(message.offset), key: message.key, value: message.value, headers: toHeaders(message.headers), timestamp: Number(message.timestamp) });
          if (seen.length >= count) resolve();
        },
      });
    });
    return seen;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}

function toHeaders(headers: Record<string, unknown> | undefined): RecordHeader[] {
  const out: RecordHeader[] = [];
  for (const [key, value] of Object.entries(headers ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) out.push({ key, value: v === null || v === undefined ? null : Buffer.from(v as Buffer) });
  }
  return out;
}
