import type { Schema } from './schema';
import type { SchemaAndValue } from './schema-and-value';
import type { SchemaType } from './schema-type';

/** Numeric types in widening order: a mix of them merges to the widest (Kafka's commonSchemaFor*). */
const NUMERIC_RANK: Partial<Record<SchemaType, number>> = { INT8: 0, INT16: 1, INT32: 2, INT64: 3, FLOAT32: 4, FLOAT64: 5 };

/** Kafka's `Values.mergeSchemas`: a schema for values of both, or null if there is none. */
export function mergeSchemas(previous: Schema, next: Schema): Schema | null {
  if (previous.type !== next.type) {
    const a = NUMERIC_RANK[previous.type];
    const b = NUMERIC_RANK[next.type];
    if (a === undefined || b === undefined) return null;
    return a > b ? previous : next;
  }
  if (previous.optional === next.optional) return previous.optional ? previous : next;
  return previous.equals(next) ? previous : null;
}

/** Kafka's `Values.SchemaMerger`: the common schema of the non-null values seen so far. */
export class SchemaMerger {
  #common: Schema | null = null;
  #compatible = true;

  merge(latest: SchemaAndValue | null): void {
    if (latest === null || latest.schema === null || !this.#compatible) return;
    if (this.#common === null) {
      this.#common = latest.schema;
      return;
    }
    this.#common = mergeSchemas(this.#common, latest.schema);
    this.#compatible = this.#common !== null;
  }

  get schema(): Schema | null {
    return this.#common;
  }
}
