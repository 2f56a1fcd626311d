import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainHeaderText } from '#lib/converters/plain-header-text';
import { SimpleHeaderConverter } from '#lib/converters/simple-header-converter';
import { Schema, SchemaAndValue, Values } from '#lib/data/index';
import { outcome } from './json/fast-path-support';

const headerText = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', 't', 'r', 'u', 'e', 'n', 'l', 'f', 's', '0', '9', '-', '+', '.', ' ', '\t', '\u0001', '\u007f', ':', ',', '{', '}', '[', ']', '"', '\\', 'é', 'T', 'Z'), maxLength: 12 }),
  fc.constantFrom('null', 'true', 'false', 'true ', 'null\t', 'nullx', 'trace-42', 'a'.repeat(64), 'a'.repeat(65), 'Infinity', 'NaN', 'e5', 'T14:34:54.346Z'),
  fc.string({ maxLength: 20 }),
);

describe('plainHeaderText', () => {
  it('gives a text only when Values.parseString reads it back as itself, a string', () => {
    fc.assert(
      fc.property(headerText, (text) => {
        const plain = plainHeaderText(Buffer.from(text, 'utf8'));
        if (plain === undefined) return;
        const parsed = Values.parseString(text);

        expect(plain).toBe(text);
        expect(parsed?.schema).toBe(Schema.STRING_SCHEMA);
        expect(parsed?.value).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for a typical trace id, and leaves literals, numbers and non-ASCII text to the parser', () => {
    expect(plainHeaderText(Buffer.from('trace-42'))).toBe('trace-42');
    for (const text of ['true', 'null ', '42', '-1', 'é', ' a', 'a:b', '']) expect(plainHeaderText(Buffer.from(text))).toBeUndefined();
  });

  it('lets SimpleHeaderConverter read any header as Values.parseString does', () => {
    const converter = new SimpleHeaderConverter();
    fc.assert(
      fc.property(headerText, (text) => {
        const bytes = Buffer.from(text, 'utf8');
        const read = converter.toConnectHeader('t', 'h', bytes);
        const expected = outcome(() => Values.parseString(text) ?? SchemaAndValue.NULL);

        expect(read.equals(expected.ok ? expected.value : new SchemaAndValue(Schema.BYTES_SCHEMA, bytes))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
