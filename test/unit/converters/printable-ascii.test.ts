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

  it('rejects every byte outside 0x20-0x7f at every position of a text longer than eight words', () => {
    for (let bad = 0; bad < 256; bad++) {
      if (bad >= 0x20 && bad < 0x80) continue;
      for (let at = 0; at < 80; at++) {
        const bytes = Buffer.alloc(80, 0x20);
        bytes[at] = bad;
        expect(isPrintableAscii(bytes, 0, 80)).toBe(false);
      }
    }
  });

  it('accepts every printable byte next to every other in whole words', () => {
    const bytes = Buffer.alloc(96 * 2);
    for (let i = 0; i < 96; i++) bytes.writeUInt16LE(((0x20 + i) << 8) | (0x7f - i), 2 * i);
    expect(isPrintableAscii(bytes, 0, bytes.length)).toBe(true);
  });

  it('agrees with a byte-by-byte check on views at any offset of a shared buffer', () => {
    const bytes = fc.uint8Array({ maxLength: 160 }).map((b) => b.map((x) => (x % 5 === 0 ? x : 0x20 + (x % 0x60))));
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
