import { DataError } from '#lib/errors';
import type { BigDecimal } from './big-decimal';
import type { Field } from './field';
import type { Schema } from './schema';
import type { SchemaType } from './schema-type';
import { validateValue } from './validate-value';
import { normalizeValue } from './value-types';
import { valuesEqual } from './values-equal';

/** The values array `withTrustedValues` hands to the constructor. */
let adopted: unknown[] | undefined;

/**
 * A STRUCT value: one slot per field of its schema (Kafka's Struct). `put` validates like Kafka
 * (throwing DataErrors with Kafka's messages) and stores INT64 numbers as bigints and FLOAT32 numbers rounded to float32; `get` falls back to
 * the field's default value, `getWithoutDefault` does not.
 */
export class Struct {
  readonly schema: Schema;
  readonly #values: unknown[];

  constructor(schema: Schema) {
    if (schema.type !== 'STRUCT') throw new DataError(`Not a struct schema: ${schema.toString()}`);
    this.schema = schema;
    this.#values = adopted ?? new Array<unknown>(schema.fields.length).fill(null);
  }

  /**
   * A struct that takes `values` (one per field, in field order, null for none) as its own, without
   * validation: for converters and transformations that produced every value from its field's schema,
   * as `putTrusted` does one at a time. The caller must not use the array afterwards.
   */
  /**
   * `withTrustedValues` where the first `copied` values come from other structs' fields of the same
   * schemas (as transformations copy them): those were validated when first put, so only nulls are
   * checked again, in field order, as `put` checks them (undefined counts as null). The other values
   * are taken as they are.
   */
  static withCopiedValues(schema: Schema, values: unknown[], copied = values.length): Struct {
    const fields = schema.type === 'STRUCT' ? schema.fields : [];
    for (let i = 0; i < copied && i < fields.length; i++) {
      if (values[i] !== null && values[i] !== undefined) continue;
      const field = fields[i] as Field;
      validateValue(field.schema, null, field.name);
      values[i] = null;
    }
    return Struct.withTrustedValues(schema, values);
  }

  static withTrustedValues(schema: Schema, values: unknown[]): Struct {
    adopted = values;
    try {
      return new Struct(schema);
    } finally {
      adopted = undefined;
    }
  }

  /**
   * The struct's values in field order, as stored (no defaults), for converters and transformations
   * that read every field on their hot path. Read-only: writing to it would bypass validation.
   */
  static valuesOf(struct: Struct): readonly unknown[] {
    return struct.#values;
  }

  get(field: string | Field): unknown {
    const f = typeof field === 'string' ? this.#lookup(field) : field;
    const value = this.#values[f.index];
    return value === null && f.schema.defaultValue !== undefined ? f.schema.defaultValue : value;
  }

  getWithoutDefault(field: string | Field): unknown {
    return this.#values[typeof field === 'string' ? this.#lookup(field).index : field.index];
  }

  getInt8(name: string): number | null { return this.#typed(name, 'INT8') as number | null; }
  getInt16(name: string): number | null { return this.#typed(name, 'INT16') as number | null; }
  getInt32(name: string): number | null { return this.#typed(name, 'INT32') as number | null; }
  getInt64(name: string): bigint | null { return this.#typed(name, 'INT64') as bigint | null; }
  getFloat32(name: string): number | null { return this.#typed(name, 'FLOAT32') as number | null; }
  getFloat64(name: string): number | null { return this.#typed(name, 'FLOAT64') as number | null; }
  getBoolean(name: string): boolean | null { return this.#typed(name, 'BOOLEAN') as boolean | null; }
  getString(name: string): string | null { return this.#typed(name, 'STRING') as string | null; }
  getBytes(name: string): Uint8Array | null { return this.#typed(name, 'BYTES') as Uint8Array | null; }
  getDecimal(name: string): BigDecimal | null { return this.#typed(name, 'BYTES') as BigDecimal | null; }
  getArray<T = unknown>(name: string): T[] | null { return this.#typed(name, 'ARRAY') as T[] | null; }
  getMap<K = unknown, V = unknown>(name: string): Map<K, V> | null { return this.#typed(name, 'MAP') as Map<K, V> | null; }
  getStruct(name: string): Struct | null { return this.#typed(name, 'STRUCT') as Struct | null; }

  put(field: string | Field, value: unknown): this {
    if (field === null || field === undefined) throw new DataError('field cannot be null.');
    const f = typeof field === 'string' ? this.#lookup(field) : field;
    const stored = normalizeValue(f.schema.type, value);
    validateValue(f.schema, stored, f.name);
    this.#values[f.index] = stored ?? null;
    return this;
  }

  /**
   * Stores a value the caller has already produced from the field's schema, skipping validation;
   * for converters on their hot path. Everything else should use `put`.
   */
  putTrusted(field: Field, value: unknown): this {
    this.#values[field.index] = value;
    return this;
  }

  /** Throws a DataError unless every field holds a valid value (nulls allowed where optional or defaulted). */
  validate(): void {
    for (const field of this.schema.fields) {
      const value = this.#values[field.index];
      if (value === null && (field.schema.optional || field.schema.defaultValue !== undefined)) continue;
      validateValue(field.schema, value, field.name);
    }
  }

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof Struct) || !this.schema.equals(other.schema)) return false;
    const theirs = other.#values;
    return this.#values.every((value, i) => valuesEqual(value, theirs[i]));
  }

  toString(): string {
    const parts: string[] = [];
    this.schema.fields.forEach((field, i) => {
      const value = this.#values[i];
      if (value !== null) parts.push(`${field.name}=${String(value)}`);
    });
    return `Struct{${parts.join(',')}}`;
  }

  #lookup(fieldName: string): Field {
    const field = this.schema.field(fieldName);
    if (field === undefined) throw new DataError(`${fieldName} is not a valid field name`);
    return field;
  }

  #typed(fieldName: string, type: SchemaType): unknown {
    const field = this.#lookup(fieldName);
    if (field.schema.type !== type) throw new DataError(`Field '${fieldName}' is not of type ${type}`);
    return this.#values[field.index];
  }
}
