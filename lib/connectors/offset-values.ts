/**
 * Long values in source offsets. Kafka's tasks cast offset fields to `Long`; our offset store hands
 * back integers as numbers, and as bigints beyond Number's safe range (lib/store/types.ts). Tasks
 * write numbers where they are exact so stored offsets look like Kafka's JSON.
 */

/** The value as a Java Long, or undefined when it is not an integer (Kafka's ClassCastException). */
export function offsetLong(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return undefined;
}

/** A Long for an offset map: a number when exact, else a bigint. */
export function toOffsetLong(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
