import { describe, expect, it } from 'vitest';
import { BigDecimal } from '#lib/data/index';
import { byteValue, intValue, longValue, NumberFormatError, parseJavaDouble, parseJavaInteger, shortValue } from '#lib/transforms/util/java-numbers';

describe('Java numeric conversions', () => {
  it('wraps integral values to the low bits', () => {
    expect([byteValue(300, false), shortValue(70000, false), intValue(2147483648n, false), longValue(1n << 64n, false)]).toEqual([44, 4464, -2147483648, 0n]);
  });

  it('saturates floating values, NaN becoming 0', () => {
    expect([intValue(1e10, true), intValue(-1e10, true), intValue(NaN, true), longValue(1e30, true), byteValue(1e10, true)]).toEqual([2147483647, -2147483648, 0, (1n << 63n) - 1n, -1]);
  });

  it('truncates decimals toward zero', () => {
    expect([intValue(BigDecimal.parse('-12.9'), false), longValue(BigDecimal.parse('1e3'), false)]).toEqual([-12, 1000n]);
  });

  it('parses integers like Integer.parseInt, with range checks', () => {
    expect([parseJavaInteger('+42', 8), parseJavaInteger('-128', 8)]).toEqual([42n, -128n]);
    expect(() => parseJavaInteger('128', 8)).toThrow(NumberFormatError);
    expect(() => parseJavaInteger(' 1', 32)).toThrow(NumberFormatError);
  });

  it('parses doubles like Double.parseDouble: blanks trimmed, suffixes, NaN and Infinity', () => {
    expect([parseJavaDouble(' 1.5 '), parseJavaDouble('2f'), parseJavaDouble('-Infinity'), parseJavaDouble('1e3')]).toEqual([1.5, 2, -Infinity, 1000]);
    expect(() => parseJavaDouble('abc')).toThrow(NumberFormatError);
  });
});
