import { describe, expect, it } from 'vitest';
import { BigDecimal, bigIntToBytes, bytesToBigInt } from '#lib/data/index';

describe('BigDecimal', () => {
  it.each([
    ['1.56', 156n, 2], ['1.5600', 15600n, 4], ['-0.001', -1n, 3], ['1E+5', 1n, -5], ['1e5', 1n, -5],
    ['12', 12n, 0], ['.5', 5n, 1], ['1.23456789123456789', 123456789123456789n, 17],
  ])('parses %s like Java', (text, unscaled, scale) => {
    const d = BigDecimal.parse(text);
    expect([d.unscaled, d.scale]).toEqual([unscaled, scale]);
  });

  it.each([
    [156n, 2, '1.56'], [15600n, 4, '1.5600'], [1n, -5, '1E+5'], [123n, -2, '1.23E+4'], [1n, 7, '1E-7'],
    [1n, 6, '0.000001'], [-5n, 0, '-5'], [0n, 3, '0.000'], [0n, -2, '0E+2'], [123456n, 10, '0.0000123456'],
    [12n, 8, '1.2E-7'],
  ])('renders %s scale %s as Java does: %s', (unscaled, scale, text) => {
    expect(new BigDecimal(unscaled, scale).toString()).toBe(text);
  });

  it('compares by value and scale in equals, by value in compareTo', () => {
    expect(new BigDecimal(10n, 1).equals(new BigDecimal(1n, 0))).toBe(false);
    expect(new BigDecimal(10n, 1).compareTo(new BigDecimal(1n, 0))).toBe(0);
  });

  it('rejects malformed text', () => {
    expect(() => BigDecimal.parse('1.2.3')).toThrow('Invalid decimal: 1.2.3');
  });
});

describe('two-complement bytes', () => {
  it.each([
    [0n, [0]], [156n, [0, 0x9c]], [-1n, [0xff]], [127n, [0x7f]], [128n, [0, 0x80]], [-128n, [0x80]], [-129n, [0xff, 0x7f]],
  ])('encodes %s like BigInteger.toByteArray', (value, bytes) => {
    expect([...bigIntToBytes(value)]).toEqual(bytes);
    expect(bytesToBigInt(Uint8Array.from(bytes))).toBe(value);
  });
});
