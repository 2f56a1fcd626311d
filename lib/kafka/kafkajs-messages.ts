/**
 * ProducerRecord → kafkajs Message, without copying bytes: Uint8Arrays become Buffer views (kafkajs
 * would stringify a plain Uint8Array), timestamps are stamped here so that the create time is known,
 * and headers become kafkajs's object form.
 *
 * kafkajs writes headers grouped by key, in key order (integer-like keys first, as JS objects
 * order them); repeated keys keep their relative order. A null value is NULL_HEADER_VALUE.
 */
import type { IHeaders } from 'kafkajs';
import { NULL_HEADER_VALUE } from './kafkajs-null-header';
import { CHOSEN_PARTITION, type PartitionedMessage } from './memoized-partitioner';
import type { ProducerRecord, RecordHeader } from './producer-port';

export function toKafkajsMessage(record: ProducerRecord, timestamp: number): PartitionedMessage {
  const message: PartitionedMessage = { key: toBuffer(record.key), value: toBuffer(record.value), timestamp: String(timestamp), [CHOSEN_PARTITION]: undefined };
  if (record.headers.length > 0) message.headers = toHeaders(record.headers);
  if (record.partition !== undefined) message.partition = record.partition;
  return message;
}

export function toBuffer(bytes: Uint8Array | null): Buffer | null {
  if (bytes === null) return null;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toHeaders(headers: readonly RecordHeader[]): IHeaders {
  const out = Object.create(null) as Record<string, Buffer | Buffer[]>;
  for (const { key, value } of headers) {
    const bytes = value === null ? NULL_HEADER_VALUE : (toBuffer(value) as Buffer);
    const existing = out[key];
    if (existing === undefined) out[key] = bytes;
    else if (Array.isArray(existing)) existing.push(bytes);
    else out[key] = [existing, bytes];
  }
  return out;
}
