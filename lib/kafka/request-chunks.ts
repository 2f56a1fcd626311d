/**
 * Splits one `send` into kafkajs requests of at most `max.request.size` estimated bytes, as Java's
 * producer bounds each request; a broker rejects a record batch above its `message.max.bytes`
 * (1 MB by default), and kafkajs puts a whole partition's share of a call into one batch.
 * A single record above the limit fails the send before anything is written, as in Java.
 */
import { KafkaClientError } from './errors';
import type { ProducerRecord } from './producer-port';

/** Java's upper bounds: a record batch header, and a record's framing (lengths, deltas, attributes). */
export const RECORD_BATCH_OVERHEAD = 61;
const RECORD_OVERHEAD = 21;
const HEADER_OVERHEAD = 10;

export function estimatedRecordSize(record: ProducerRecord): number {
  let size = RECORD_OVERHEAD + (record.key?.length ?? 0) + (record.value?.length ?? 0);
  for (const header of record.headers) size += HEADER_OVERHEAD + Buffer.byteLength(header.key) + (header.value?.length ?? 0);
  return size;
}

export function splitIntoRequests(records: readonly ProducerRecord[], maxRequestSize: number): (readonly ProducerRecord[])[] {
  const chunks: ProducerRecord[][] = [];
  let chunk: ProducerRecord[] = [];
  let bytes = RECORD_BATCH_OVERHEAD;
  for (const record of records) {
    const size = estimatedRecordSize(record);
    if (size + RECORD_BATCH_OVERHEAD > maxRequestSize) {
      throw new KafkaClientError(
        `The message is ${size + RECORD_BATCH_OVERHEAD} bytes when serialized which is larger than ${maxRequestSize}, which is the value of the max.request.size configuration.`,
        { retriable: false, reason: 'RECORD_TOO_LARGE' },
      );
    }
    if (bytes + size > maxRequestSize) {
      chunks.push(chunk);
      chunk = [];
      bytes = RECORD_BATCH_OVERHEAD;
    }
    chunk.push(record);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
