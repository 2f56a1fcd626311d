/**
 * Validation of sink connector offsets in an alter-offsets request, with Kafka's messages
 * (SinkUtils.parseSinkConnectorOffsets). Partitions are `{kafka_topic, kafka_partition}`, offsets
 * `{kafka_offset}` or null; numbers may be given as JSON numbers or numeric strings.
 */
import { BadRequestError } from '#lib/errors';
import type { ConnectorOffsets } from './types';

type Entry = ConnectorOffsets['offsets'][number];
/** An entry whose partition has been checked. */
export interface ValidEntry {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export function normaliseSinkOffsets(offsets: Entry[]): ValidEntry[] {
  return offsets.map(({ partition, offset }) => {
    if (partition === null || partition === undefined) throw new BadRequestError('The partition for a sink connector offset cannot be null or missing');
    if (!('kafka_topic' in partition) || !('kafka_partition' in partition)) {
      throw new BadRequestError("The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'");
    }
    const topic = partition.kafka_topic;
    if (typeof topic !== 'string') throw new BadRequestError('Kafka topic names must be valid strings and may not be null');
    const kafkaPartition = integer(partition.kafka_partition, 'Kafka partitions must be valid numbers and may not be null', (v) =>
      `Failed to parse the following Kafka partition value in the provided offsets: '${v}'. Partition values for sink connectors need to be integers.`);
    if (offset === null || offset === undefined) return { partition: { kafka_topic: topic, kafka_partition: kafkaPartition }, offset: null };
    if (!('kafka_offset' in offset)) throw new BadRequestError("The offset for a sink connector should either be null or contain the key 'kafka_offset'");
    const kafkaOffset = integer(offset.kafka_offset, 'Kafka offsets must be valid numbers and may not be null', (v) =>
      `Failed to parse the following Kafka offset value in the provided offsets: '${v}'. Offset values for sink connectors need to be integers.`);
    return { partition: { kafka_topic: topic, kafka_partition: kafkaPartition }, offset: { kafka_offset: kafkaOffset } };
  });
}

function integer(value: unknown, nullMessage: string, parseMessage: (v: unknown) => string): number {
  if (typeof value !== 'number' && typeof value !== 'string') throw new BadRequestError(nullMessage);
  const text = String(value).trim();
  if (!/^[+-]?\d+$/.test(text)) throw new BadRequestError(parseMessage(value));
  return Number(text);
}

/** Kafka's OffsetUtils.validateFormat for source partitions and offsets: string keys, primitive values. */
export function validateSourceOffsets(offsets: Entry[]): ValidEntry[] {
  return offsets.map(({ partition, offset }) => {
    if (partition === null || partition === undefined || typeof partition !== 'object') {
      throw new BadRequestError('Source partitions may not be null');
    }
    checkPrimitives(partition);
    if (offset !== null && offset !== undefined) checkPrimitives(offset);
    return { partition, offset: offset ?? null };
  });
}

function checkPrimitives(map: Record<string, unknown>): void {
  if (Array.isArray(map)) throw new BadRequestError('Offsets must be specified as a Map');
  for (const [field, value] of Object.entries(map)) {
    if (value !== null && typeof value === 'object') {
      throw new BadRequestError(`Offsets may only contain primitive types as values, but field ${field} contains ${Array.isArray(value) ? 'ARRAY' : 'MAP'}`);
    }
  }
}
