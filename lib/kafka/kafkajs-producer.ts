/**
 * ProducerPort over a kafkajs producer: acks=all and idempotent by default, one kafkajs `sendBatch`
 * per `max.request.size` worth of records (grouped by topic), per-record metadata in input order,
 * and kafkajs failures as KafkaClientErrors. Connects on the first send. `send` may be called
 * concurrently, but records of concurrent calls have no order between them; `close` once, last.
 */
import { CompressionTypes } from './kafkajs';
import type { Message, TopicMessages } from 'kafkajs';
import { DataError } from '#lib/errors';
import { createLogger } from '#lib/logging/logger';
import { KafkaClientError } from './errors';
import { createKafkaClient } from './kafkajs-client';
import { fromKafkajsError } from './kafkajs-errors';
import { toKafkajsMessage } from './kafkajs-messages';
import { CHOSEN_PARTITION, memoizedPartitioner, type PartitionedMessage } from './memoized-partitioner';
import { parseProducerSettings } from './producer-settings';
import type { ProducerPort, ProducerRecord, RecordMetadata } from './producer-port';
import { recordMetadata, type PartitionAck } from './record-offsets';
import { splitIntoRequests } from './request-chunks';
import type { KafkaConnection } from './types';

export interface KafkaProducerOptions {
  readonly connection: KafkaConnection;
  /** Kafka's `enable.idempotence`; an `enable.idempotence` override wins. Default true. */
  readonly idempotent?: boolean;
  /** Producer configs without their `producer.` / `producer.override.` prefix (see producer-settings.ts). */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** Stamps records that carry no timestamp. Default Date.now. */
  readonly now?: () => number;
}

export type KafkaProducer = ProducerPort & { close(): Promise<void> };

const log = createLogger('lambda_connect.kafka.producer');

export function createKafkaProducer({ connection, idempotent = true, overrides = {}, now = Date.now }: KafkaProducerOptions): KafkaProducer {
  const settings = parseProducerSettings(overrides, { idempotent });
  if (settings.ignored.length > 0) log.info('Producer configs without a kafkajs equivalent are ignored', { configs: settings.ignored });
  const backoff = {
    ...(settings.retryBackoffMs === undefined ? {} : { initialRetryTime: settings.retryBackoffMs }),
    ...(settings.retryBackoffMaxMs === undefined ? {} : { maxRetryTime: settings.retryBackoffMaxMs }),
  };
  const kafka = createKafkaClient(connection, {
    ...(settings.clientId === undefined ? {} : { clientId: settings.clientId }),
    requestTimeoutMs: settings.requestTimeoutMs,
    // Connecting and metadata use the client's retries: bounded even when sends retry without end.
    retry: { ...backoff, retries: Math.min(settings.retries, 5) },
  });
  const producer = kafka.producer({
    idempotent: settings.idempotent,
    retry: { ...backoff, retries: settings.retries },
    createPartitioner: memoizedPartitioner,
    ...(settings.maxInFlightRequests === undefined ? {} : { maxInFlightRequests: settings.maxInFlightRequests }),
    ...(settings.metadataMaxAgeMs === undefined ? {} : { metadataMaxAge: settings.metadataMaxAgeMs }),
  });
  const compression = settings.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  let connecting: Promise<void> | undefined;
  let closed = false;

  const connect = (): Promise<void> =>
    (connecting ??= producer.connect().catch((err: unknown) => {
      connecting = undefined;
      throw err;
    }));

  async function sendRequest(records: readonly ProducerRecord[]): Promise<RecordMetadata[]> {
    const timestamps = records.map((r) => r.timestamp ?? now());
    const messages = records.map((r, i) => toKafkajsMessage(r, timestamps[i] as number));
    const acks = await producer.sendBatch({ topicMessages: byTopic(records, messages), acks: settings.acks, timeout: settings.requestTimeoutMs, compression });
    const sent = records.map((r, i) => ({ topic: r.topic, partition: partitionOf(messages[i] as PartitionedMessage), timestamp: timestamps[i] as number }));
    return recordMetadata(sent, acks.map(toPartitionAck), settings.acks !== 0);
  }

  function partitionOf(message: PartitionedMessage): number {
    const partition = message[CHOSEN_PARTITION];
    if (partition === undefined) throw new KafkaClientError('kafkajs sent a record without choosing its partition', { retriable: false, reason: 'NO_PARTITION' });
    return partition;
  }

  return {
    async send(records) {
      if (closed) throw new KafkaClientError('The producer is closed', { retriable: false, reason: 'PRODUCER_CLOSED' });
      if (records.length === 0) return [];
      for (const r of records) if (r.timestamp !== undefined && r.timestamp < 0) throw new DataError(`Invalid timestamp: ${r.timestamp}. Timestamp should always be non-negative or null.`);
      const requests = splitIntoRequests(records, settings.maxRequestSize);
      try {
        await connect();
        const metadata: RecordMetadata[] = [];
        for (const request of requests) metadata.push(...(await sendRequest(request)));
        return metadata;
      } catch (err) {
        throw fromKafkajsError(err, `Sending ${records.length} records to Kafka`);
      }
    },
    async close() {
      closed = true;
      if (connecting === undefined) return;
      await connecting.catch(() => undefined);
      await producer.disconnect();
    },
  };
}

function byTopic(records: readonly ProducerRecord[], messages: readonly Message[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  records.forEach((r, i) => {
    const list = topics.get(r.topic);
    if (list === undefined) topics.set(r.topic, [messages[i] as Message]);
    else list.push(messages[i] as Message);
  });
  return [...topics].map(([topic, list]) => ({ topic, messages: list }));
}

function toPartitionAck(ack: { topicName: string; partition: number; baseOffset?: string; logAppendTime?: string }): PartitionAck {
  return { topic: ack.topicName, partition: ack.partition, baseOffset: BigInt(ack.baseOffset ?? '-1'), logAppendTime: Number(ack.logAppendTime ?? '-1') };
}
