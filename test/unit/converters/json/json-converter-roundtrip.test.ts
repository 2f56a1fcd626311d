import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonConverter } from '#lib/converters/json/json-converter';
import { valuesEqual } from '#lib/data/index';
import { schemaAndValueArb } from '../connect-arbitraries';

function converter(config: Record<string, string>): JsonConverter {
  const c = new JsonConverter();
  c.configure(config, false);
  return c;
}

describe('JsonConverter round trips', () => {
  it.each(['BASE64', 'NUMERIC'])('gives back an equal schema and value, and the same bytes, for any schema (decimal.format=%s)', (format) => {
    const c = converter({ 'decimal.format': format });
    fc.assert(
      fc.property(schemaAndValueArb, ([schema, value]) => {
        const bytes = c.fromConnectData('topic', undefined, schema, value) as Uint8Array;
        const read = c.toConnectData('topic', undefined, bytes);

        expect(read.schema?.equals(schema)).toBe(true);
        expect(valuesEqual(read.value, value)).toBe(true);
        expect(Buffer.from(c.fromConnectData('topic', undefined, read.schema, read.value) as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('gives back an equal value without schemas once read back (the schemaless form is stable)', () => {
    const c = converter({ 'schemas.enable': 'false' });
    fc.assert(
      fc.property(schemaAndValueArb, ([schema, value]) => {
        const bytes = c.fromConnectData('topic', undefined, schema, value);
        if (bytes === null) return;
        const read = c.toConnectData('topic', undefined, bytes);
        const again = c.fromConnectData('topic', undefined, null, read.value);
        if (again !== null) expect(valuesEqual(c.toConnectData('topic', undefined, again).value, read.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
