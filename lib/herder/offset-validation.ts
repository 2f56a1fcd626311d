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
    // Kafka takes String.valueOf(topic); a map or list is rejected here rather than given a Java rendering.
    const topic = partition.kafka_topic;
    if (topic === null || topic === undefined || typeof topic === 'object') throw new BadRequestError('Kafka topic names must be valid strings and may not be null');
    if (partition.kafka_partition === null || partition.kafka_partition === undefined) throw new BadRequestError('Kafka partitions must be valid numbers and may not be null');
    const kafkaPartition = javaInteger(partition.kafka_partition, INT_RANGE);
    if (kafkaPartition === undefined) {
      throw new BadRequestError(`Failed to parse the following Kafka partition value in the provided offsets: '${javaText(partition.kafka_partition)}'. Partition values for sink connectors need to be integers.`);
    }
    const validPartition = { kafka_topic: String(topic), kafka_partition: Number(kafkaPartition) };
    if (offset === null || offset === undefined) return { partition: validPartition, offset: null };
    if (!('kafka_offset' in offset)) throw new BadRequestError("The offset for a sink connector should either be null or contain the key 'kafka_offset'");
    const kafkaOffset = javaInteger(offset.kafka_offset, LONG_RANGE);
    if (kafkaOffset === undefined) {
      throw new BadRequestError(`Failed to parse the following Kafka offset value in the provided offsets: '${javaText(offset.kafka_offset)}'. Offset values for sink connectors need to be integers.`);
    }
    return { partition: validPartition, offset: { kafka_offset: kafkaOffset } };
  });
}

const INT_RANGE = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const LONG_RANGE = [-(2n ** 63n), 2n ** 63n - 1n] as const;

/** Integer.parseInt / Long.parseLong of String.valueOf(value): a sign, ASCII digits, no spaces, in range.
 *  A number when it is safe, else a bigint so that offsets stay exact. */
function javaInteger(value: unknown, [min, max]: readonly [bigint, bigint]): number | bigint | undefined {
  const text = javaText(value);
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const parsed = BigInt(text);
  if (parsed < min || parsed > max) return undefined;
  return Number.isSafeInteger(Number(parsed)) ? Number(parsed) : parsed;
}

/** String.valueOf for the primitive values of a JSON request. */
function javaText(value: unknown): string {
  return value === null || value === undefined ? 'null' : String(value);
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
