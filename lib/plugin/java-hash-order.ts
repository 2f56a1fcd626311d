/**
 * The iteration order of a `java.util.HashMap`/`HashSet` with default capacity whose keys were
 * inserted in the given order. Kafka returns several lists in this order (validation results of
 * prefixed keys, the valid values of `CaseInsensitiveValidString`), and clients see it.
 *
 * A HashMap iterates bucket by bucket, and each bucket in insertion order (resizing splits buckets
 * without reordering them), so the order only depends on the final table size. Tree bins (8+ keys
 * in one bucket of a table of 64+) are not modelled.
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  const distinct = [...new Set(keys)];
  const capacity = tableSize(distinct.length);
  const slots = distinct.map((key, insertion) => ({ key, insertion, bucket: spread(javaStringHash(key)) & (capacity - 1) }));
  slots.sort((a, b) => a.bucket - b.bucket || a.insertion - b.insertion);
  return slots.map((slot) => slot.key);
}

/** `String.hashCode()`: s[0]*31^(n-1) + … over UTF-16 code units, in 32-bit arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** `HashMap.hash()`: mixes the high bits into the low ones. */
function spread(h: number): number {
  return h ^ (h >>> 16);
}

/** A HashMap starts at 16 buckets and doubles whenever its size exceeds 3/4 of them. */
function tableSize(size: number): number {
  let capacity = 16;
  while (size > capacity * 0.75) capacity *= 2;
  return capacity;
}
