import type { Schema } from './schema';
import { valuesEqual } from './values-equal';

/** A value with its (possibly absent) schema, as converters and headers carry them. */
export class SchemaAndValue {
  static readonly NULL = new SchemaAndValue(null, null);

  constructor(
    readonly schema: Schema | null,
    readonly value: unknown,
  ) {}

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof SchemaAndValue)) return false;
    const sameSchema = this.schema === null ? other.schema === null : this.schema.equals(other.schema);
    return sameSchema && valuesEqual(this.value, other.value);
  }

  toString(): string {
    return `SchemaAndValue{schema=${String(this.schema)}, value=${String(this.value)}}`;
  }
}
