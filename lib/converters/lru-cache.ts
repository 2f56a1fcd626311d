/**
 * A bounded map that evicts the least recently used entry (Kafka's LRUCache, used for the
 * `schemas.cache.size` caches). Not synchronised: converters are not called concurrently.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();
  #newest: K | undefined;

  constructor(readonly maxSize: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined && key !== this.#newest) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
      this.#newest = key;
    }
    return value;
  }

  set(key: K, value: V): void {
    if (this.maxSize <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    this.#newest = key;
    if (this.#entries.size > this.maxSize) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
  }
}
