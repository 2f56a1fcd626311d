/**
 * The producer's partitioner, as Kafka's Java producer (3.3+, KIP-794) partitions: a keyed record goes
 * to murmur2(key) % partitions (kafkajs's DefaultPartitioner, Java-compatible); a keyless record goes to
 * the topic's current "sticky" partition, which moves to another available partition, chosen at
 * random, once `batch.size` (16384) bytes of keyless records went to it. So a FileStreamSource's lines
 * stay in order on one partition while a window's batch is small, as they do under Kafka Connect,
 * instead of being spread round robin.
 *
 * Each message's partition is remembered on the message itself (a symbol-keyed slot, cheaper than a
 * WeakMap of fresh keys on this hot path). We read the choice back to compute per-record offsets,
 * and a retried request reuses it, so a keyless record cannot move to another partition between tries.
 */
import { Partitioners } from './kafkajs';
import type { ICustomPartitioner, Message, PartitionMetadata } from 'kafkajs';

export const CHOSEN_PARTITION: unique symbol = Symbol('lambda-connect.chosen-partition');

/** Kafka's producer `batch.size` default: the sticky partition moves on after this many bytes. */
export const STICKY_BATCH_BYTES = 16_384;

/** A kafkajs message with the slot; create it with the slot present (undefined) to keep one object shape. */
export type PartitionedMessage = Message & { [CHOSEN_PARTITION]?: number | undefined };

interface Sticky {
  partition: number;
  bytes: number;
}

function byteLength(value: Message['value'] | Message['key']): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

function nextSticky(partitionMetadata: readonly PartitionMetadata[], previous: number | undefined, random: () => number): number {
  const available = partitionMetadata.filter((p) => p.leader >= 0);
  const candidates = available.length > 0 ? available : partitionMetadata;
  if (candidates.length === 1) return candidates[0]!.partitionId;
  const others = previous === undefined ? candidates : candidates.filter((p) => p.partitionId !== previous);
  const pool = others.length > 0 ? others : candidates;
  return pool[Math.floor(random() * pool.length)]!.partitionId;
}

/** `random` is for tests; production uses Math.random. */
export function createMemoizedPartitioner(random: () => number = Math.random): ICustomPartitioner {
  return () => {
    const keyed = Partitioners.DefaultPartitioner();
    const sticky = new Map<string, Sticky>();
    return (args) => {
      const message = args.message as PartitionedMessage;
      const known = message[CHOSEN_PARTITION];
      if (known !== undefined) return known;
      let chosen: number;
      if ((message.partition !== null && message.partition !== undefined) || (message.key !== null && message.key !== undefined)) {
        chosen = keyed(args);
      } else {
        let current = sticky.get(args.topic);
        const stillAvailable = current !== undefined && args.partitionMetadata.some((p) => p.partitionId === current!.partition && p.leader >= 0);
        if (current === undefined || !stillAvailable || current.bytes >= STICKY_BATCH_BYTES) {
          current = { partition: nextSticky(args.partitionMetadata, current?.partition, random), bytes: 0 };
          sticky.set(args.topic, current);
        }
        current.bytes += byteLength(message.value) + 1;
        chosen = current.partition;
      }
      message[CHOSEN_PARTITION] = chosen;
      return chosen;
    };
  };
}

export const memoizedPartitioner: ICustomPartitioner = createMemoizedPartitioner();
