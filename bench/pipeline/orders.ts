/** ~1 KB order records (a typical CDC row) as source records, and as the bytes a sink consumes. */
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { SourceRecord } from '#lib/data/connect-record';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { SourceProducerRecord } from '#lib/runtime/pipeline/types';

const address = SchemaBuilder.struct().name('com.example.Address')
  .field('street', Schema.STRING_SCHEMA).field('city', Schema.STRING_SCHEMA).field('zip', Schema.OPTIONAL_STRING_SCHEMA)
  .field('country', Schema.STRING_SCHEMA).field('instructions', Schema.OPTIONAL_STRING_SCHEMA).build();
const line = SchemaBuilder.struct().name('com.example.Line').field('sku', Schema.STRING_SCHEMA).field('qty', Schema.INT32_SCHEMA).field('price', Schema.FLOAT64_SCHEMA).build();

export const ORDER_SCHEMA = SchemaBuilder.struct().name('com.example.Order').version(3)
  .field('id', Schema.INT64_SCHEMA).field('customer', Schema.STRING_SCHEMA).field('email', Schema.OPTIONAL_STRING_SCHEMA)
  .field('amount', Schema.FLOAT64_SCHEMA).field('quantity', Schema.INT32_SCHEMA).field('active', Schema.BOOLEAN_SCHEMA)
  .field('created', Schema.INT64_SCHEMA).field('note', Schema.OPTIONAL_STRING_SCHEMA)
  .field('tags', SchemaBuilder.array(Schema.STRING_SCHEMA).build())
  .field('attributes', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build())
  .field('shipping', address)
  .field('description', Schema.STRING_SCHEMA).field('score', Schema.FLOAT64_SCHEMA)
  .field('updated', Schema.INT64_SCHEMA).field('lines', SchemaBuilder.array(line).build()).build();

function order(i: number): Struct {
  return new Struct(ORDER_SCHEMA).put('id', BigInt(1_000_000 + i)).put('customer', `Customer number ${i} of the benchmark`)
    .put('email', `customer${i}@example.com`).put('amount', 1234.56 + i).put('quantity', i % 100).put('active', i % 2 === 0)
    .put('created', 1_700_000_000_000n + BigInt(i)).put('note', 'Please leave the parcel at the back door, next to the blue bin; ring twice.')
    .put('tags', ['priority', 'gift', 'express', `batch-${i % 7}`])
    .put('attributes', new Map([['channel', 'web'], ['campaign', 'autumn-sale'], ['referrer', 'newsletter'], ['locale', 'en-GB']]))
    .put('shipping', new Struct(address).put('street', `${i} Long Street Name Avenue`).put('city', 'Springfield').put('zip', '12345')
      .put('country', 'United Kingdom of Great Britain').put('instructions', 'Use the side entrance after 6pm; the front gate is locked at weekends.'))
    .put('description', 'A fairly long free-text description of the order so that the record reaches about one kilobyte of JSON, as CDC rows do.')
    .put('score', 0.1 * i).put('updated', 1_700_000_100_000n + BigInt(i))
    .put('lines', [1, 2, 3].map((n) => new Struct(line).put('sku', `SKU-${i}-${n}`).put('qty', n).put('price', 9.99 * n)));
}

export function sourceOrders(count: number): SourceRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    topic: 'orders',
    kafkaPartition: null,
    keySchema: Schema.STRING_SCHEMA,
    key: `order-${i}`,
    valueSchema: ORDER_SCHEMA,
    value: order(i),
    timestamp: 1_700_000_000_000 + i,
    headers: new ConnectHeaders().addString('trace-id', `trace-${i}`),
    sourcePartition: { table: 'orders' },
    sourceOffset: { lsn: i },
  }));
}

/** The same records with ~1 KB of opaque bytes as key-less values, for pass-through converters. */
export function passThroughOrders(count: number): SourceRecord[] {
  const payload = new Uint8Array(1000).fill(0x61);
  return sourceOrders(count).map((r) => ({ ...r, keySchema: Schema.OPTIONAL_BYTES_SCHEMA, key: null, valueSchema: Schema.OPTIONAL_BYTES_SCHEMA, value: payload }));
}

/** What a sink consumes: the producer records of a source pipeline, at consecutive offsets. */
export function consumedOrders(produced: readonly SourceProducerRecord[]): ConsumerRecord[] {
  return produced.map((r, i) => ({
    topic: r.topic,
    partition: 0,
    offset: BigInt(i),
    timestamp: r.timestamp ?? -1,
    timestampType: 'CREATE_TIME',
    key: r.key,
    value: r.value,
    headers: r.headers,
  }));
}
