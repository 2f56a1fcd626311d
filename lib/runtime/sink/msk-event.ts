/**
 * The adapter between Lambda's Kafka events (MSK `aws:kafka` and `SelfManagedKafka`) and our
 * records. The only module of lib/runtime/sink that knows the event's shape.
 *
 * Shape (docs.aws.amazon.com/lambda/latest/dg/with-msk.html, with-kafka.html): `records` maps
 * `"<topic>-<partition>"` to records; key and value are base64 (the key may be absent, a null
 * value too); headers are an array of single-key objects whose values are byte arrays. Older
 * documented variants are tolerated: a string partition, no `headers`, no `bootstrapServers`.
 */
import type { MSKEvent, SelfManagedKafkaEvent } from 'aws-lambda';
import type { TimestampType } from '#lib/data/connect-record';
import { BadRequestError } from '#lib/errors';
import { NO_TIMESTAMP, type ConsumerRecord } from '#lib/kafka/consumer-record';
import type { RecordHeader } from '#lib/kafka/producer-port';
import type { PartitionBatch, SinkBatch } from './types';

export type KafkaEvent = MSKEvent | SelfManagedKafkaEvent;

/** One record as found in events, with the looseness of the older variants. */
interface LooseRecord {
  topic?: string;
  partition?: number | string;
  offset?: number | string;
  timestamp?: number;
  timestampType?: string;
  key?: string | null;
  value?: string | null;
  headers?: Record<string, number[] | null>[] | null;
}

export function isKafkaEvent(event: unknown): event is KafkaEvent {
  const source = (event as { eventSource?: unknown } | null)?.eventSource;
  return source === 'aws:kafka' || source === 'SelfManagedKafka';
}

export function decodeKafkaEvent(event: KafkaEvent): SinkBatch {
  if (!isKafkaEvent(event)) throw new BadRequestError('Not a Kafka event: eventSource must be aws:kafka or SelfManagedKafka');
  const partitions: PartitionBatch[] = [];
  for (const [key, records] of Object.entries((event.records ?? {}) as Record<string, LooseRecord[]>)) {
    const { topic, partition } = splitPartitionKey(key);
    const decoded = records.map((r) => decodeRecord(r, topic, partition));
    // ESMs send each partition in offset order; sort only an event that is not.
    if (!ordered(decoded)) decoded.sort((a, b) => (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
    partitions.push({ topic, partition, records: decoded });
  }
  return { source: event.eventSource === 'aws:kafka' ? 'msk' : 'self-managed', partitions };
}

function ordered(records: readonly ConsumerRecord[]): boolean {
  for (let i = 1; i < records.length; i++) if ((records[i] as ConsumerRecord).offset < (records[i - 1] as ConsumerRecord).offset) return false;
  return true;
}

/** `"my-topic-3"` → topic `my-topic`, partition 3: topics may contain hyphens, partitions do not. */
export function splitPartitionKey(key: string): { topic: string; partition: number } {
  const at = key.lastIndexOf('-');
  const partition = at > 0 ? Number(key.slice(at + 1)) : NaN;
  if (!Number.isInteger(partition) || partition < 0) throw new BadRequestError(`Bad record group key in Kafka event: ${key}`);
  return { topic: key.slice(0, at), partition };
}

function decodeRecord(r: LooseRecord, topic: string, partition: number): ConsumerRecord {
  if (r.offset === undefined) throw new BadRequestError(`A record of ${topic}-${partition} has no offset`);
  const timestamp = typeof r.timestamp === 'number' ? r.timestamp : NO_TIMESTAMP;
  const at = r.partition === undefined ? partition : Number(r.partition);
  return new EventRecord(r.topic ?? topic, at, BigInt(r.offset), timestamp, timestampType(r.timestampType, timestamp), r.key, r.value, decodeHeaders(r.headers));
}

/**
 * A record of the event whose key and value bytes are decoded from the event's base64 text on each
 * read. The pipeline reads them once, to convert them; a dead letter queue reads them again. Kept
 * as text, a batch does not hold a second copy of its payload for the whole put (the event keeps
 * the text anyway): buffers decoded on use die young instead of being copied by every scavenge.
 */
class EventRecord implements ConsumerRecord {
  readonly #key: string | null | undefined;
  readonly #value: string | null | undefined;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: bigint,
    readonly timestamp: number,
    readonly timestampType: TimestampType,
    key: string | null | undefined,
    value: string | null | undefined,
    readonly headers: readonly RecordHeader[],
  ) {
    this.#key = key;
    this.#value = value;
  }

  get key(): Uint8Array | null {
    return base64(this.#key);
  }

  get value(): Uint8Array | null {
    return base64(this.#value);
  }
}

function timestampType(type: string | undefined, timestamp: number): TimestampType {
  if (type === 'LOG_APPEND_TIME' || type === 'CREATE_TIME') return type;
  return timestamp === NO_TIMESTAMP ? 'NO_TIMESTAMP_TYPE' : 'CREATE_TIME';
}

function base64(text: string | null | undefined): Uint8Array | null {
  if (text === undefined || text === null) return null;
  return Buffer.from(text, 'base64');
}

const NO_HEADERS: readonly RecordHeader[] = Object.freeze([]);

function decodeHeaders(headers: LooseRecord['headers']): readonly RecordHeader[] {
  if (!headers || headers.length === 0) return NO_HEADERS;
  const out: RecordHeader[] = [];
  for (const entry of headers) {
    for (const [key, bytes] of Object.entries(entry)) out.push({ key, value: bytes === null ? null : Uint8Array.from(bytes) });
  }
  return out;
}
