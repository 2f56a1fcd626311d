import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAIL } from '#lib/converters/json/fast-path-bail';
import { compileFastWriter } from '#lib/converters/json/fast-writers';
import { JsonByteWriter } from '#lib/converters/json/json-byte-writer';
import { compileWriter } from '#lib/converters/json/to-json';
import { BigDecimal, ConnectDecimal, ConnectTimestamp, Schema, SchemaBuilder, Struct, type Schema as S } from '#lib/data/index';
import { schemaAndValueArb } from '../connect-arbitraries';
import { converters, expectSameOutcome, trickyString } from './fast-path-support';

const CONFIGS: Record<string, string>[] = [
  {},
  { 'schemas.enable': 'false' },
  { 'decimal.format': 'NUMERIC' },
  { 'replace.null.with.default': 'false' },
];
const OPTIONS = { decimalFormat: 'BASE64', replaceNullWithDefault: true } as const;

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  return a === null || b === null ? a === b : Buffer.from(a).equals(Buffer.from(b));
}

/** The fast writer's bytes for one value, or BAIL. */
function fastBytes(schema: S, value: unknown, options = OPTIONS): Buffer | typeof BAIL {
  const w = new JsonByteWriter();
  w.begin();
  try {
    compileFastWriter(schema, options)(w, value);
  } catch (err) {
    if (err === BAIL) return BAIL;
    throw err;
  }
  return Buffer.from(w.finish());
}

describe('JsonConverter fast path, Connect data to bytes', () => {
  it.each(CONFIGS)('writes the same bytes as the reference path for any schema and value (%o)', (config) => {
    const { fast, reference } = converters(config);
    fc.assert(
      fc.property(schemaAndValueArb, ([schema, value]) => {
        expectSameOutcome(() => fast.fromConnectData('t', undefined, schema, value), () => reference.fromConnectData('t', undefined, schema, value), sameBytes);
      }),
      { numRuns: 500 },
    );
  });

  it('writes valid values itself, without bailing, byte for byte as the reference writer', () => {
    fc.assert(
      fc.property(schemaAndValueArb, ([schema, value]) => {
        expect(fastBytes(schema, value)).toEqual(Buffer.from(compileWriter(schema, OPTIONS)(value), 'utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('quotes and escapes strings as Jackson does: short escapes, upper-case \\u escapes for controls and every surrogate, the rest as UTF-8', () => {
    fc.assert(
      fc.property(trickyString, (s) => {
        expect(fastBytes(Schema.STRING_SCHEMA, s)).toEqual(Buffer.from(compileWriter(Schema.STRING_SCHEMA, OPTIONS)(s), 'utf8'));
      }),
      { numRuns: 2000 },
    );
    expect(fastBytes(Schema.STRING_SCHEMA, 'a"b\\c\n\u0001/é😀\u007f\ud800')?.toString()).toBe('"a\\"b\\\\c\\n\\u0001/é\\uD83D\\uDE00\u007f\\uD800"');
  });

  it('escapes a character needing it at any position in a run of plain ASCII (written four characters at a time)', () => {
    for (const special of ['"', '\\', '\n', '\u0000', '\u001f', '\u007f', 'é', '\u0800', '\ud83d', '😀']) {
      for (let length = 1; length <= 13; length++) {
        for (let at = 0; at < length; at++) {
          const s = 'x'.repeat(at) + special + 'y'.repeat(length - at - 1);
          expect(fastBytes(Schema.STRING_SCHEMA, s)).toEqual(Buffer.from(compileWriter(Schema.STRING_SCHEMA, OPTIONS)(s), 'utf8'));
        }
      }
    }
  });

  it('writes struct field names of every length mod 4 (whole words, then the rest)', () => {
    const names = ['a', 'ab', 'abc', 'abcd', 'abcde', 'naïve', '😀', 'x"y', 'long_field_name_17'];
    const builder = SchemaBuilder.struct();
    names.forEach((name) => builder.field(name, Schema.OPTIONAL_BOOLEAN_SCHEMA));
    const schema = builder.build();
    const value = new Struct(schema);
    names.forEach((name, i) => value.put(name, i % 3 === 0 ? null : i % 3 === 1));
    expect(fastBytes(schema, value)).toEqual(Buffer.from(compileWriter(schema, OPTIONS)(value), 'utf8'));
  });

  it('writes doubles as Java does, those with few decimals (written from their digits) included', () => {
    const fewDecimals = fc.tuple(fc.integer({ min: -1e10, max: 1e10 }), fc.constantFrom(1, 10, 100, 1000, 10000)).map(([m, scale]) => m / scale);
    const near = fc.constantFrom(1e-3, 0.0015, 9999999.999, 1e7, 9999999.9995, 0.1 + 0.2, 1234.56 + 7, 0.5, -0.25, 2 ** 31, 2 ** 32 + 0.5, 4294967295.5);
    fc.assert(
      fc.property(fc.oneof(fewDecimals, near, fc.double()), (v) => {
        expect(fastBytes(Schema.FLOAT64_SCHEMA, v)).toEqual(Buffer.from(compileWriter(Schema.FLOAT64_SCHEMA, OPTIONS)(v), 'utf8'));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes integers as the reference does, across 32-bit and 9-digit boundaries', () => {
    const edges = [0, 9, 10, 99, 999999999, 1e9, 2 ** 31 - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 1e15, 2 ** 53 - 1, 1700000000123];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...edges, ...edges.map((e) => -e)), fc.maxSafeInteger(), fc.integer()), (v) => {
        expect(fastBytes(Schema.INT64_SCHEMA, BigInt(v))).toEqual(Buffer.from(String(v)));
        expect(fastBytes(Schema.INT64_SCHEMA, v)).toEqual(Buffer.from(String(v)));
      }),
      { numRuns: 3000 },
    );
  });

  it.each<[string, S, unknown]>([
    ['negative zero as a double', Schema.FLOAT64_SCHEMA, -0],
    ['NaN as a string', Schema.FLOAT64_SCHEMA, NaN],
    ['infinity as a string', Schema.FLOAT64_SCHEMA, -Infinity],
    ['a float32 NaN', Schema.FLOAT32_SCHEMA, NaN],
    ['the largest int64', Schema.INT64_SCHEMA, 9223372036854775807n],
    ['the smallest int64', Schema.INT64_SCHEMA, -9223372036854775808n],
    ['2^53 as a bigint', Schema.INT64_SCHEMA, 9007199254740992n],
    ['-(2^53 - 1) as a number', Schema.INT64_SCHEMA, -9007199254740991],
    ['negative zero as an int32', Schema.INT32_SCHEMA, -0],
    ['the smallest int32', Schema.INT32_SCHEMA, -2147483648],
    ['a decimal', ConnectDecimal.schema(2), new BigDecimal(-156n, 2)],
    ['a timestamp', ConnectTimestamp.SCHEMA, new Date(-1)],
    ['bytes', Schema.BYTES_SCHEMA, new Uint8Array([0, 255, 1])],
  ])('writes %s as the reference does', (_name, schema, value) => {
    expect(fastBytes(schema, value)).toEqual(Buffer.from(compileWriter(schema, OPTIONS)(value), 'utf8'));
  });

  it('writes nulls as defaults, nulls or errors, with and without replace.null.with.default', () => {
    const schema = SchemaBuilder.struct()
      .field('defaulted', SchemaBuilder.string().optional().defaultValue('dflt').build())
      .field('optional', Schema.OPTIONAL_INT64_SCHEMA)
      .field('nested', SchemaBuilder.struct().optional().field('x', SchemaBuilder.int32().defaultValue(7).build()).build())
      .build();
    const nested = schema.field('nested')?.schema as S;
    for (const config of [{}, { 'replace.null.with.default': 'false' }] as Record<string, string>[]) {
      const { fast, reference } = converters(config);
      for (const value of [new Struct(schema), new Struct(schema).put('nested', new Struct(nested))]) {
        expectSameOutcome(() => fast.fromConnectData('t', undefined, schema, value), () => reference.fromConnectData('t', undefined, schema, value), sameBytes);
      }
    }
  });

  it.each<[string, S, unknown]>([
    ['a required null', Schema.STRING_SCHEMA, null],
    ['a number for a string', Schema.STRING_SCHEMA, 5],
    ['a fraction for an int32', Schema.INT32_SCHEMA, 1.5],
    ['an int8 out of range', Schema.INT8_SCHEMA, 128],
    ['an int64 out of range', Schema.INT64_SCHEMA, 2n ** 63n],
    ['an unsafe number for an int64', Schema.INT64_SCHEMA, 2 ** 53],
    ['a string for a boolean', Schema.BOOLEAN_SCHEMA, 'true'],
    ['a struct of another schema', SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).build(), new Struct(SchemaBuilder.struct().field('b', Schema.INT32_SCHEMA).build()).put('b', 1)],
    ['a map for an array', SchemaBuilder.array(Schema.INT32_SCHEMA).build(), new Map()],
    ['a map with a non-string key where keys are strings', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), new Map<unknown, number>([['a', 1], [2, 3]])],
    ['a Date for a timestamp\'s wrong type', ConnectTimestamp.SCHEMA, 5],
  ])('fails (or not) exactly as the reference path for %s', (_name, schema, value) => {
    const { fast, reference } = converters();
    expectSameOutcome(() => fast.fromConnectData('t', undefined, schema, value), () => reference.fromConnectData('t', undefined, schema, value), sameBytes);
  });

  it('fails (or not) exactly as the reference path for values of the wrong schema', () => {
    const { fast, reference } = converters();
    fc.assert(
      fc.property(schemaAndValueArb, schemaAndValueArb, ([schema], [, value]) => {
        expectSameOutcome(() => fast.fromConnectData('t', undefined, schema, value), () => reference.fromConnectData('t', undefined, schema, value), sameBytes);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every document it handed out intact while writing many more, small and large, across buffers', () => {
    const schema = SchemaBuilder.struct().field('s', Schema.STRING_SCHEMA).field('n', Schema.INT64_SCHEMA).build();
    const { fast, reference } = converters();
    const values = Array.from({ length: 600 }, (_, i) => new Struct(schema).put('s', 'é'.repeat((i * 37) % 3000) + 'x'.repeat(i === 300 ? 200_000 : 0)).put('n', BigInt(i)));
    const written = values.map((v) => fast.fromConnectData('t', undefined, schema, v) as Uint8Array);

    values.forEach((v, i) => expect(sameBytes(written[i] as Uint8Array, reference.fromConnectData('t', undefined, schema, v))).toBe(true));
  });
});
