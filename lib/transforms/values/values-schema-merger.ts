/**
 * Kafka's `Values.SchemaMerger`: the one schema all elements of a parsed array (or all keys / all
 * values of a map) share. Numeric types widen to the widest seen (INT8 < INT16 < INT32 < INT64 <
 * FLOAT32 < FLOAT64); any other mix has no common schema.
 */
import type { Schema } from '#lib/data/schema';
import type { SchemaAndValue } from '#lib/data/schema-and-value';
import type { SchemaType } from '#lib/data/schema-type';

const NUMERIC_ORDER: readonly SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64'];

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

  hasCommonSchema(): boolean {
    return this.#common !== null;
  }

  schema(): Schema | null {
    return this.#common;
  }
}

function mergeSchemas(previous: Schema, next: Schema): Schema | null {
  if (previous.type !== next.type) {
    const a = NUMERIC_ORDER.indexOf(previous.type);
    const b = NUMERIC_ORDER.indexOf(next.type);
    if (a < 0 || b < 0) return null;
    return a > b ? previous : next;
  }
  if (previous.optional === next.optional) return previous.optional ? previous : next;
  return previous.equals(next) ? previous : null;
}
