/**
 * Self-measurement of JsonConverter throughput on one core: ~1 KB records, both directions, schemas on
 * and off. Not a test. Run: `npx tsx bench/converters.ts [seconds-per-case]`.
 */
import { JsonConverter } from '#lib/converters/json/json-converter';
import { Schema, SchemaBuilder, Struct, type SchemaAndValue } from '#lib/data/index';

const seconds = Number(process.argv[2] ?? 2);

const address = SchemaBuilder.struct().name('com.example.Address')
  .field('street', Schema.STRING_SCHEMA).field('city', Schema.STRING_SCHEMA).field('zip', Schema.OPTIONAL_STRING_SCHEMA)
  .field('country', Schema.STRING_SCHEMA).field('instructions', Schema.OPTIONAL_STRING_SCHEMA).build();
const line = SchemaBuilder.struct().field('sku', Schema.STRING_SCHEMA).field('qty', Schema.INT32_SCHEMA).field('price', Schema.FLOAT64_SCHEMA).build();
const schema = SchemaBuilder.struct().name('com.example.Order').version(3)
  .field('id', Schema.INT64_SCHEMA).field('customer', Schema.STRING_SCHEMA).field('email', Schema.OPTIONAL_STRING_SCHEMA)
  .field('amount', Schema.FLOAT64_SCHEMA).field('quantity', Schema.INT32_SCHEMA).field('active', Schema.BOOLEAN_SCHEMA)
  .field('created', Schema.INT64_SCHEMA).field('note', Schema.OPTIONAL_STRING_SCHEMA)
  .field('tags', SchemaBuilder.array(Schema.STRING_SCHEMA).build())
  .field('attributes', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build())
  .field('shipping', address)
  .field('description', Schema.STRING_SCHEMA).field('score', Schema.FLOAT64_SCHEMA).field('version', Schema.INT32_SCHEMA)
  .field('updated', Schema.INT64_SCHEMA).field('lines', SchemaBuilder.array(line).build()).build();

function record(i: number): Struct {
  return new Struct(schema).put('id', BigInt(1_000_000 + i)).put('customer', `Customer number ${i} of the benchmark`)
    .put('email', `customer${i}@example.com`).put('amount', 1234.56 + i).put('quantity', i % 100).put('active', i % 2 === 0)
    .put('created', 1_700_000_000_000n + BigInt(i)).put('note', 'Please leave the parcel at the back door, next to the blue bin; ring twice.')
    .put('tags', ['priority', 'gift', 'express', `batch-${i % 7}`])
    .put('attributes', new Map([['channel', 'web'], ['campaign', 'autumn-sale'], ['referrer', 'newsletter'], ['locale', 'en-GB']]))
    .put('shipping', new Struct(address).put('street', `${i} Long Street Name Avenue`).put('city', 'Springfield').put('zip', '12345')
      .put('country', 'United Kingdom of Great Britain').put('instructions', 'Use the side entrance after 6pm; the front gate is locked at weekends.'))
    .put('description', 'A fairly long free-text description of the order so that the record reaches about one kilobyte of JSON, as typical CDC rows do.')
    .put('score', 0.1 * i).put('version', i % 5).put('updated', 1_700_000_100_000n + BigInt(i))
    .put('lines', [1, 2, 3].map((n) => new Struct(line).put('sku', `SKU-${i}-${n}`).put('qty', n).put('price', 9.99 * n)));
}

function measure(label: string, fn: (i: number) => unknown): void {
  for (let i = 0; i < 20_000; i++) fn(i);
  let n = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < deadline) {
    for (let j = 0; j < 1000; j++) fn(n++);
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(44)} ${Math.round(n / elapsed).toLocaleString('en-US').padStart(10)} records/s`);
}

const records = Array.from({ length: 1000 }, (_, i) => record(i));
for (const schemasEnable of ['true', 'false']) {
  const converter = new JsonConverter();
  converter.configure({ 'schemas.enable': schemasEnable }, false);
  const bytes = records.map((r) => converter.fromConnectData('t', undefined, schema, r) as Uint8Array);
  const payloadOnly = new JsonConverter();
  payloadOnly.configure({ 'schemas.enable': 'false' }, false);
  const size = (bytes[0] as Uint8Array).length;
  const payloadSize = (payloadOnly.fromConnectData('t', undefined, schema, records[0]) as Uint8Array).length;
  console.log(`schemas.enable=${schemasEnable}: record ${size} bytes (payload ${payloadSize} bytes)`);
  measure(`  fromConnectData (Struct → bytes)`, (i) => converter.fromConnectData('t', undefined, schema, records[i % 1000]));
  measure(`  toConnectData (bytes → ${schemasEnable === 'true' ? 'Struct' : 'Map'})`, (i) => converter.toConnectData('t', undefined, bytes[i % 1000] as Uint8Array) as SchemaAndValue);
}
