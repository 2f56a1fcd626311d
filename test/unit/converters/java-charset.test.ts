import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaCharset } from '#lib/converters/java-charset';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const utf8 = javaCharset('UTF-8');

describe('javaCharset UTF-8', () => {
  it('encodes any string as Java does: UTF-8 with an unpaired surrogate as ?', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\ud800', '\udc00', '\u0000') }));
    fc.assert(fc.property(text, (s) => {
      expect(Buffer.from(utf8.encode(s)).equals(Buffer.from(s.replace(LONE_SURROGATE, '?'), 'utf8'))).toBe(true);
    }), { numRuns: 2000 });
    expect(Buffer.from(utf8.encode('a\ud800b😀')).toString()).toBe('a?b😀');
  });

  it('decodes any bytes as a replacing UTF-8 decoder does, short ASCII and a leading byte order mark included', () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 80 }).map((b) => b.map((x) => x & 0x7f)), fc.constant(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61)));
    const reference = new TextDecoder('utf-8');
    fc.assert(fc.property(bytes, (b) => {
      expect(utf8.decode(b)).toBe(reference.decode(b));
    }), { numRuns: 2000 });
  });
});
