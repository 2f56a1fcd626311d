/**
 * The per-instance cache of updated schemas that Kafka's transformations keep
 * (`SynchronizedCache<>(new LRUCache<>(16))`), here holding whatever a transformation derives from
 * an input schema (the updated schema, or a plan that includes it). Keys are compared by identity, not by Kafka's
 * schema equality: converters hand out one schema object per distinct schema, so identity hits on
 * the hot path without hashing a schema per record; an equal but distinct schema only costs a
 * rebuild. No locking: a transformation instance is applied from one thread at a time.
 */
import type { Schema } from '#lib/data/schema';

export const SCHEMA_CACHE_SIZE = 16;

export class SchemaCache<V = Schema> {
  readonly #entries = new Map<Schema, V>();
  #lastKey: Schema | undefined;
  #lastValue: V | undefined;

  constructor(readonly maxSize: number = SCHEMA_CACHE_SIZE) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The cached entry for `key`, or the result of `build(key)`, cached. */
  getOrBuild(key: Schema, build: (key: Schema) => V): V {
    if (key === this.#lastKey && this.#lastValue !== undefined) return this.#lastValue;
    let value = this.#entries.get(key);
    if (value === undefined) value = build(key);
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.maxSize) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#lastKey = key;
    this.#lastValue = value;
    return value;
  }

  clear(): void {
    this.#entries.clear();
    this.#lastKey = undefined;
    this.#lastValue = undefined;
  }
}
