import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPrintableAscii } from '#lib/converters/printable-ascii';

function byteByByte(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) < 0x20 || (bytes[i] as number) >= 0x80) return false;
  return true;
}

describe('isPrintableAscii', () => {
  it('accepts printable ASCII and DEL, at any alignment', () => {
    const text = Buffer.from(' {"a":"~\x7f"} ');
    for (let start = 0; start < 4; start++) expect(isPrintableAscii(text, start, text.length)).toBe(true);
  });

  it.each([0x00, 0x09, 0x0a, 0x1f, 0x80, 0xc3, 0xff])('rejects byte %i wherever it is', (bad) => {
    for (let at = 0; at < 12; at++) {
      const bytes = Buffer.alloc(12, 0x61);
      bytes[at] = bad;
      expect(isPrintableAscii(bytes, 0, 12)).toBe(false);
      expect(isPrintableAscii(bytes, 0, at)).toBe(true);
    }
  });

  it('agrees with a byte-by-byte check on views at any offset of a shared buffer', () => {
    const bytes = fc.uint8Array({ maxLength: 64 }).map((b) => b.map((x) => (x % 5 === 0 ? x : 0x20 + (x % 0x60))));
    fc.assert(
      fc.property(bytes, fc.nat(7), fc.nat(7), (content, offset, trim) => {
        const backing = new Uint8Array(content.length + 8);
        backing.set(content, offset);
        const view = backing.subarray(offset, offset + content.length);
        const end = Math.max(0, view.length - trim);
        expect(isPrintableAscii(view, 0, end)).toBe(byteByByte(view, 0, end));
      }),
    );
  });
});
