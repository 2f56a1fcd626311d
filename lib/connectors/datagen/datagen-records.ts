/**
 * The generated records: a Struct `io.lambdaconnect.connect.datagen.Order` whose every field is a
 * pure function of (seed, id), so any record can be regenerated exactly. Built for throughput: the
 * schema, the name tables and the padding text are made once; a record costs one hash chain, one
 * Struct and a substring view of the padding (no copy).
 */
import { ConnectTimestamp } from '#lib/data/connect-temporal';
import type { Field } from '#lib/data/field';
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema as Schemas } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';

export const RECORD_SCHEMA: Schema = SchemaBuilder.struct()
  .name('io.lambdaconnect.connect.datagen.Order')
  .version(1)
  .field('id', Schemas.INT64_SCHEMA)
  .field('customer', Schemas.STRING_SCHEMA)
  .field('product', Schemas.STRING_SCHEMA)
  .field('quantity', Schemas.INT32_SCHEMA)
  .field('price', Schemas.FLOAT64_SCHEMA)
  .field('express', Schemas.BOOLEAN_SCHEMA)
  .field('event_time', ConnectTimestamp.SCHEMA)
  .field('padding', Schemas.STRING_SCHEMA)
  .build();

const FIELDS = RECORD_SCHEMA.fields as readonly Field[];
const [ID, CUSTOMER, PRODUCT, QUANTITY, PRICE, EXPRESS, EVENT_TIME, PADDING] = FIELDS as [Field, Field, Field, Field, Field, Field, Field, Field];
const CUSTOMERS = Array.from({ length: 1000 }, (_, i) => `customer-${String(i).padStart(5, '0')}`);
const PRODUCTS = Array.from({ length: 100 }, (_, i) => `product-${String(i).padStart(3, '0')}`);
const BASE_TIME_MS = Date.UTC(2024, 0, 1);
const PADDING_WINDOW = 4096;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** murmur3's 32-bit finalizer. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class RecordFactory {
  readonly #seedLo: number;
  readonly #seedHi: number;
  readonly #padding: string;
  readonly #paddingLength: number;

  constructor(seed: bigint, recordSizeBytes: number) {
    this.#seedLo = Number(BigInt.asUintN(32, seed));
    this.#seedHi = Number(BigInt.asUintN(32, seed >> 32n));
    this.#paddingLength = Math.max(0, recordSizeBytes - fixedJsonBytes());
    let text = '';
    let h = mix32(this.#seedLo ^ 0x5bd1e995);
    for (let i = 0; i < this.#paddingLength + PADDING_WINDOW; i++) {
      h = mix32(h + 0x9e3779b9);
      text += ALPHABET[h % ALPHABET.length];
    }
    this.#padding = text;
  }

  /** The record with this id (0 ≤ id < 2^53). */
  create(id: number): Struct {
    const lo = id >>> 0;
    const hi = Math.floor(id / 0x1_0000_0000);
    const h1 = mix32(lo ^ this.#seedLo);
    const h2 = mix32(h1 ^ hi ^ Math.imul(this.#seedHi, 0x9e3779b1));
    const h3 = mix32(h2 + 0x9e3779b9);
    const offset = h3 % PADDING_WINDOW;
    return new Struct(RECORD_SCHEMA)
      .putTrusted(ID, BigInt(id))
      .putTrusted(CUSTOMER, CUSTOMERS[h2 % CUSTOMERS.length])
      .putTrusted(PRODUCT, PRODUCTS[h3 % PRODUCTS.length])
      .putTrusted(QUANTITY, 1 + (h2 >>> 24) % 100)
      .putTrusted(PRICE, (1 + (h3 >>> 8) % 99_999) / 100)
      .putTrusted(EXPRESS, (h1 & 1) === 1)
      .putTrusted(EVENT_TIME, new Date(BASE_TIME_MS + id * 1000 + (h1 >>> 22)))
      .putTrusted(PADDING, this.#padding.substring(offset, offset + this.#paddingLength));
  }
}

/** JSON bytes of a typical record's fields other than the padding text. */
function fixedJsonBytes(): number {
  return JSON.stringify({ id: 12345678, customer: CUSTOMERS[0], product: PRODUCTS[0], quantity: 50, price: 499.99, express: false, event_time: BASE_TIME_MS + 12345678000, padding: '' }).length;
}
