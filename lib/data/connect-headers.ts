import { DataError } from '#lib/errors';
import type { BigDecimal } from './big-decimal';
import { ConnectDecimal } from './connect-decimal';
import { ConnectHeader } from './connect-header';
import { ConnectDate, ConnectTime, ConnectTimestamp } from './connect-temporal';
import { checkHeaderSchemaMatches } from './header-schema-check';
import type { Schema } from './schema';
import { SchemaAndValue } from './schema-and-value';
import type { SchemaType } from './schema-type';
import { Schema as Schemas } from './schemas';
import type { Struct } from './struct';

/** The array `adopting` hands to the constructor. */
let adopted: ConnectHeader[] | undefined;

/** Rewrites a header; returning null removes it. */
export type HeaderTransform = (header: ConnectHeader) => ConnectHeader | null;

/**
 * The ordered, mutable headers of a Connect record (Kafka's ConnectHeaders). Keys may repeat;
 * `lastWithName` is the one that wins when a single value is wanted.
 */
export class ConnectHeaders implements Iterable<ConnectHeader> {
  #headers: ConnectHeader[];

  constructor(original: Iterable<ConnectHeader> = []) {
    // Array.from, not a spread literal: V8 may pretenure a literal's site when batches of records are kept.
    this.#headers = adopted ?? Array.from(original);
  }

  /**
   * Headers that take `headers` as their own, without a copy (the caller must not use the array
   * afterwards): for converters that made the array, at its exact length, with `header`.
   */
  static adopting(headers: ConnectHeader[]): ConnectHeaders {
    adopted = headers;
    try {
      return new ConnectHeaders();
    } finally {
      adopted = undefined;
    }
  }

  /** The header `add(key, schemaAndValue)` adds, checked as it checks it. */
  static header(key: string, schemaAndValue: SchemaAndValue | null): ConnectHeader {
    checkHeaderSchemaMatches(schemaAndValue);
    return new ConnectHeader(key, schemaAndValue ?? SchemaAndValue.NULL);
  }

  get size(): number { return this.#headers.length; }
  isEmpty(): boolean { return this.#headers.length === 0; }
  [Symbol.iterator](): Iterator<ConnectHeader> { return this.#headers[Symbol.iterator](); }

  /**
   * The headers, in order, through `fn` (`Array.prototype.map`: an order of magnitude cheaper per
   * record than `Array.from(headers, fn)` over the iterator, and no allocation site to pretenure).
   */
  map<T>(fn: (header: ConnectHeader) => T): T[] { return this.#headers.map((header) => fn(header)); }

  clear(): this {
    this.#headers = [];
    return this;
  }

  /** Adds a header, or a key with a SchemaAndValue / value and schema (checked for a match like Kafka). */
  add(header: ConnectHeader): this;
  add(key: string, schemaAndValue: SchemaAndValue | null): this;
  add(key: string, value: unknown, schema: Schema | null): this;
  add(keyOrHeader: string | ConnectHeader, ...rest: unknown[]): this {
    if (keyOrHeader instanceof ConnectHeader) {
      this.#headers.push(keyOrHeader);
      return this;
    }
    const sv =
      rest.length >= 2
        ? rest[0] != null || rest[1] != null ? new SchemaAndValue((rest[1] as Schema | null) ?? null, rest[0] ?? null) : SchemaAndValue.NULL
        : ((rest[0] as SchemaAndValue | null | undefined) ?? null);
    checkHeaderSchemaMatches(sv);
    this.#headers.push(new ConnectHeader(keyOrHeader, sv ?? SchemaAndValue.NULL));
    return this;
  }

  #unchecked(key: string, value: unknown, schema: Schema): this {
    this.#headers.push(new ConnectHeader(key, new SchemaAndValue(schema, value)));
    return this;
  }

  addString(key: string, value: string | null): this {
    return this.#unchecked(key, value, value === null ? Schemas.OPTIONAL_STRING_SCHEMA : Schemas.STRING_SCHEMA);
  }
  addBytes(key: string, value: Uint8Array | null): this {
    return this.#unchecked(key, value, value === null ? Schemas.OPTIONAL_BYTES_SCHEMA : Schemas.BYTES_SCHEMA);
  }
  addBoolean(key: string, value: boolean): this { return this.#unchecked(key, value, Schemas.BOOLEAN_SCHEMA); }
  addByte(key: string, value: number): this { return this.#unchecked(key, value, Schemas.INT8_SCHEMA); }
  addShort(key: string, value: number): this { return this.#unchecked(key, value, Schemas.INT16_SCHEMA); }
  addInt(key: string, value: number): this { return this.#unchecked(key, value, Schemas.INT32_SCHEMA); }
  addLong(key: string, value: bigint | number): this { return this.#unchecked(key, BigInt(value), Schemas.INT64_SCHEMA); }
  addFloat(key: string, value: number): this { return this.#unchecked(key, value, Schemas.FLOAT32_SCHEMA); }
  addDouble(key: string, value: number): this { return this.#unchecked(key, value, Schemas.FLOAT64_SCHEMA); }

  addList(key: string, value: unknown[] | null, schema: Schema): this {
    if (value === null) return this.add(key, null, null);
    checkType(schema, 'ARRAY');
    return this.#unchecked(key, value, schema);
  }
  addMap(key: string, value: Map<unknown, unknown> | null, schema: Schema): this {
    if (value === null) return this.add(key, null, null);
    checkType(schema, 'MAP');
    return this.#unchecked(key, value, schema);
  }
  addStruct(key: string, value: Struct | null): this {
    if (value === null) return this.add(key, null, null);
    checkType(value.schema, 'STRUCT');
    return this.#unchecked(key, value, value.schema);
  }
  addDecimal(key: string, value: BigDecimal | null): this {
    if (value === null) return this.add(key, null, null);
    const schema = ConnectDecimal.schema(value.scale);
    ConnectDecimal.fromLogical(schema, value);
    return this.#unchecked(key, value, schema);
  }
  addDate(key: string, value: Date | null): this {
    if (value !== null) ConnectDate.fromLogical(ConnectDate.SCHEMA, value);
    return this.#unchecked(key, value, ConnectDate.SCHEMA);
  }
  addTime(key: string, value: Date | null): this {
    if (value !== null) ConnectTime.fromLogical(ConnectTime.SCHEMA, value);
    return this.#unchecked(key, value, ConnectTime.SCHEMA);
  }
  addTimestamp(key: string, value: Date | null): this {
    if (value !== null) ConnectTimestamp.fromLogical(ConnectTimestamp.SCHEMA, value);
    return this.#unchecked(key, value, ConnectTimestamp.SCHEMA);
  }

  lastWithName(key: string): ConnectHeader | undefined {
    return this.#headers.findLast((h) => h.key === key);
  }

  allWithName(key: string): ConnectHeader[] {
    return this.#headers.filter((h) => h.key === key);
  }

  remove(key: string): this {
    this.#headers = this.#headers.filter((h) => h.key !== key);
    return this;
  }

  /** Keeps only the last header of each key (or of the given key). */
  retainLatest(key?: string): this {
    const seen = new Set<string>();
    const kept: ConnectHeader[] = [];
    for (let i = this.#headers.length - 1; i >= 0; i--) {
      const header = this.#headers[i] as ConnectHeader;
      const drop = (key === undefined || header.key === key) && seen.has(header.key);
      seen.add(header.key);
      if (!drop) kept.push(header);
    }
    this.#headers = kept.reverse();
    return this;
  }

  /** Applies a transform to every header (or those with the given key); null results are removed. */
  apply(transform: HeaderTransform): this;
  apply(key: string, transform: HeaderTransform): this;
  apply(keyOrTransform: string | HeaderTransform, maybe?: HeaderTransform): this {
    const key = typeof keyOrTransform === 'string' ? keyOrTransform : undefined;
    const transform = (typeof keyOrTransform === 'string' ? maybe : keyOrTransform) as HeaderTransform;
    const next: ConnectHeader[] = [];
    for (const header of this.#headers) {
      const updated = key === undefined || header.key === key ? transform(header) : header;
      if (updated !== null) next.push(updated);
    }
    this.#headers = next;
    return this;
  }

  duplicate(): ConnectHeaders {
    return new ConnectHeaders(this.#headers);
  }

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof ConnectHeaders) || other.size !== this.size) return false;
    const theirs = other.#headers;
    return this.#headers.every((h, i) => h.equals(theirs[i]));
  }

  toString(): string {
    return `ConnectHeaders(headers=${this.#headers.map(String).join(', ')})`;
  }
}

function checkType(schema: Schema, type: SchemaType): void {
  if (schema.type !== type) throw new DataError(`Expecting ${type} but instead found ${schema.type}`);
}
