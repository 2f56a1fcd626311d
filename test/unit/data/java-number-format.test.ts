import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaDoubleToString, javaFloatToString } from '#lib/data/java-number-format';

describe('Java number formatting', () => {
  it.each([
    [1, '1.0'], [1e10, '1.0E10'], [-0, '-0.0'], [0.001, '0.001'], [1e-4, '1.0E-4'], [1234567, '1234567.0'], [1e7, '1.0E7'],
    [12.34, '12.34'], [5e-324, '4.9E-324'], [1e-323, '9.9E-324'], [Number.MAX_VALUE, '1.7976931348623157E308'],
    [0.1 + 0.2, '0.30000000000000004'], [100, '100.0'], [2e23, '2.0E23'], [NaN, 'NaN'], [-Infinity, '-Infinity'],
  ])('Double.toString(%s) is %s', (value, text) => {
    expect(javaDoubleToString(value)).toBe(text);
  });

  it.each([
    [12.34, '12.34'], [1, '1.0'], [0.1, '0.1'], [1 / 3, '0.33333334'], [1e10, '1.0E10'], [3.4028234663852886e38, '3.4028235E38'],
    [1.401298464324817e-45, '1.4E-45'], [16777216, '1.6777216E7'], [2.8e-45, '2.8E-45'], [1.1754943508222875e-38, '1.1754944E-38'],
  ])('Float.toString(%s) is %s', (value, text) => {
    expect(javaFloatToString(value)).toBe(text);
  });

  it('reads back to the same double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
      expect(Object.is(Number(javaDoubleToString(d)), d)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('reads back to the same float, with no more digits than needed', () => {
    fc.assert(fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (f) => {
      const text = javaFloatToString(f);
      expect(Object.is(Math.fround(Number(text)), f)).toBe(true);
      const digits = text.replace(/^-/, '').replace(/E.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
      if (digits.length > 2) expect(Math.fround(Number(Math.abs(f).toPrecision(digits.length - 1)))).not.toBe(Math.abs(f));
    }), { numRuns: 2000 });
  });
});
