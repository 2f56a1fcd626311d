/** Names records in messages by their Kafka coordinates: `3 records (orders-0@10..11, orders-1@7)`. */
import type { SinkRecord } from '#lib/data/connect-record';

export function describeRecords(records: readonly SinkRecord[]): string {
  const ranges = new Map<string, { first: bigint; last: bigint }>();
  for (const record of records) {
    const key = `${record.topic}-${record.kafkaPartition}`;
    const range = ranges.get(key);
    if (range === undefined) ranges.set(key, { first: record.kafkaOffset, last: record.kafkaOffset });
    else [range.first, range.last] = [range.first < record.kafkaOffset ? range.first : record.kafkaOffset, range.last > record.kafkaOffset ? range.last : record.kafkaOffset];
  }
  const parts = [...ranges].map(([tp, { first, last }]) => (first === last ? `${tp}@${first}` : `${tp}@${first}..${last}`));
  return `${records.length} record${records.length === 1 ? '' : 's'} (${parts.join(', ')})`;
}
