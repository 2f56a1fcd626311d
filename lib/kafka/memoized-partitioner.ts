/**
 * kafkajs's default partitioner (murmur2 of the key as in Java; round robin for keyless records),
 * remembering each message's partition on the message itself (a symbol-keyed slot, cheaper than a
 * WeakMap of fresh keys on this hot path). We read the choice back to compute per-record offsets,
 * and a retried request reuses it, so a keyless record cannot move to another partition between tries.
 */
import { Partitioners, type ICustomPartitioner, type Message } from 'kafkajs';

export const CHOSEN_PARTITION: unique symbol = Symbol('lambda-connect.chosen-partition');

/** A kafkajs message with the slot; create it with the slot present (undefined) to keep one object shape. */
export type PartitionedMessage = Message & { [CHOSEN_PARTITION]?: number | undefined };

export const memoizedPartitioner: ICustomPartitioner = () => {
  const partition = Partitioners.DefaultPartitioner();
  return (args) => {
    const message = args.message as PartitionedMessage;
    const known = message[CHOSEN_PARTITION];
    if (known !== undefined) return known;
    const chosen = partition(args);
    message[CHOSEN_PARTITION] = chosen;
    return chosen;
  };
};
