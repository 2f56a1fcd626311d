/** Decimals with huge exponents are bad input answered at once, never minutes of CPU on a power of ten. */
import { describe, expect, it } from 'vitest';
import { BigDecimal, MAX_POW10, pow10 } from '#lib/data/big-decimal';
import { Values } from '#lib/data/values';
import { convertTo } from '#lib/data/values-convert';
import { Schema } from '#lib/data/schemas';
import { DataError } from '#lib/errors';

describe('decimals with huge exponents', () => {
  it('parse as Java does: the exponent and the scale must be ints', () => {
    expect(BigDecimal.parse('1e2147483647').scale).toBe(-2147483647);
    expect(() => BigDecimal.parse('1e2147483648')).toThrow(/exponent overflow/);
    expect(() => BigDecimal.parse('1e99999999999999999999')).toThrow(DataError);
    expect(() => BigDecimal.parse('0.5e-2147483647')).toThrow(/scale out of range/);
  });

  it('compare by magnitude without rescaling', () => {
    const huge = BigDecimal.parse('1e1000000000');
    const tiny = BigDecimal.parse('1e-1000000000');
    expect(huge.compareTo(BigDecimal.parse('1'))).toBe(1);
    expect(tiny.compareTo(BigDecimal.parse('1'))).toBe(-1);
    expect(BigDecimal.parse('-1e1000000000').compareTo(tiny)).toBe(-1);
    expect(BigDecimal.parse('1.50').compareTo(BigDecimal.parse('1.5'))).toBe(0);
    expect(BigDecimal.parse('12').compareTo(BigDecimal.parse('1.3e1'))).toBe(-1);
  });

  it('convert to a long as Java longValue does: 0 for scale ≤ -64 and for all-fraction values', () => {
    expect(convertTo(Schema.INT64_SCHEMA, '1e1000000000')).toBe(0n);
    expect(convertTo(Schema.INT64_SCHEMA, '1e-1000000000')).toBe(0n);
    expect(convertTo(Schema.INT64_SCHEMA, '1e63')).toBe(BigInt.asIntN(64, 10n ** 63n));
    expect(convertTo(Schema.INT64_SCHEMA, '-12.9')).toBe(-12n);
  });

  it('parse huge-exponent header strings at once, as Kafka types them (a float that rounds to 0, a Decimal)', () => {
    const tiny = Values.parseString('1e-1000000000');
    expect([tiny?.schema?.type, tiny?.value]).toEqual(['FLOAT32', 0]);
    const huge = Values.parseString('1e1000000');
    expect([huge?.schema?.name, String(huge?.value)]).toEqual(['org.apache.kafka.connect.data.Decimal', '1E+1000000']);
  });

  it('refuse a power of ten beyond MAX_POW10 with a DataError', () => {
    expect(pow10(3)).toBe(1000n);
    expect(() => pow10(MAX_POW10 + 1)).toThrow(DataError);
  });
});
