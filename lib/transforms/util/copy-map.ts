/**
 * Kafka's `new HashMap<>(map)` for the schemaless paths: a new Map with the same entries in the same
 * order. `Map.prototype.forEach` with a module-level callback allocates about half what `new Map(map)`
 * does (which goes through the iterator, an entry array per entry): ~360 against ~540 ns for 15
 * entries (docs/converters.md, "Schemaless pipelines").
 */
export function copyMap<K, V>(source: ReadonlyMap<K, V>): Map<K, V> {
  const copy = new Map<K, V>();
  source.forEach(setIn, copy);
  return copy;
}

/** `this.set(key, value)`, with Map.forEach's argument order (value first). */
export function setIn<K, V>(this: Map<K, V>, value: V, key: K): void {
  this.set(key, value);
}
