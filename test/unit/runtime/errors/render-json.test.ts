import { describe, expect, it } from 'vitest';
import { BigDecimal } from '#lib/data/big-decimal';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';
import { renderAsJsonBytes } from '#lib/runtime/errors/render-json';

const rendered = (value: unknown) => {
  const bytes = renderAsJsonBytes(value);
  return bytes === null ? null : new TextDecoder().decode(bytes);
};

describe('renderAsJsonBytes', () => {
  it('keeps null as null, so a tombstone stays a tombstone', () => {
    expect(renderAsJsonBytes(null)).toBeNull();
  });

  it('renders structs as objects, maps with their keys, bytes as base64 and exact 64-bit integers as numbers', () => {
    const schema = SchemaBuilder.struct().field('id', Schema.INT64_SCHEMA).field('raw', Schema.BYTES_SCHEMA).field('attrs', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build()).build();
    const struct = new Struct(schema).put('id', 7n).put('raw', new Uint8Array([1, 2, 3])).put('attrs', new Map([['a', 1]]));
    expect(rendered(struct)).toBe('{"id":7,"raw":"AQID","attrs":{"a":1}}');
  });

  it('renders integers beyond 2^53 as strings, dates as epoch ms and decimals as text', () => {
    expect(rendered([2n ** 60n, new Date(86_400_000), new BigDecimal(12345n, 2)])).toBe('["1152921504606846976",86400000,"123.45"]');
  });

  it('does not throw on cycles or non-finite numbers', () => {
    const cyclic: Record<string, unknown> = { n: Number.NaN };
    cyclic.self = cyclic;
    expect(rendered(cyclic)).toBe('{"n":"NaN","self":"[Circular]"}');
  });
});
