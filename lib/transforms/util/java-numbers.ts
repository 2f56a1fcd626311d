/**
 * Java's numeric conversions as Kafka's transformations rely on them: `Number.byteValue()` …
 * `doubleValue()` (integral sources wrap to the low bits, floating sources saturate first, NaN → 0),
 * `Byte.parseByte` … `Double.parseDouble`, and `new BigDecimal(String)`. Values use lib/data's
 * representation: INT8–INT32 and floats as `number`, INT64 as `bigint`, decimals as `BigDecimal`.
 */
import { BigDecimal, pow10 } from '#lib/data/big-decimal';
import { javaTrim } from '#lib/plugin/java-format';

/** A Java Number: `floating` tells a Float/Double apart from an integral value that happens to be a JS number. */
export type JavaNumber = number | bigint | BigDecimal;

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Thrown where Java throws NumberFormatException; callers turn it into Kafka's DataException. */
export class NumberFormatError extends Error {}

/** `longValue()`: the integral part, reduced to 64 bits (saturated for floating sources). */
export function longValue(value: JavaNumber, floating: boolean): bigint {
  if (typeof value === 'bigint') return BigInt.asIntN(64, value);
  if (value instanceof BigDecimal) return BigInt.asIntN(64, integralPart(value));
  if (Number.isNaN(value)) return 0n;
  if (floating || !Number.isSafeInteger(value)) {
    if (value >= 9.223372036854776e18) return INT64_MAX;
    if (value <= -9.223372036854776e18) return INT64_MIN;
    return BigInt(Math.trunc(value));
  }
  return BigInt(value);
}

/** `intValue()`: floating sources saturate to 32 bits, integral ones wrap. */
export function intValue(value: JavaNumber, floating: boolean): number {
  if (typeof value === 'number' && (floating || !Number.isInteger(value))) {
    if (Number.isNaN(value)) return 0;
    return Math.max(-2147483648, Math.min(2147483647, Math.trunc(value)));
  }
  return Number(BigInt.asIntN(32, longValue(value, false)));
}

/** `shortValue()`: Java narrows a float to int first, then wraps. */
export function shortValue(value: JavaNumber, floating: boolean): number {
  return (intValue(value, floating) << 16) >> 16;
}

export function byteValue(value: JavaNumber, floating: boolean): number {
  return (intValue(value, floating) << 24) >> 24;
}

export function doubleValue(value: JavaNumber): number {
  return value instanceof BigDecimal ? value.toNumber() : Number(value);
}

export function floatValue(value: JavaNumber): number {
  return Math.fround(doubleValue(value));
}

/**
 * The integer part of a decimal, truncated toward zero (`toBigInteger()`), for its low 64 bits only
 * (Java's `longValue`): 10^64 is a multiple of 2^64, so a scale of -64 or less gives 0, as does a
 * value whose digits are all fraction — without computing a huge power of ten.
 */
function integralPart(value: BigDecimal): bigint {
  if (value.scale <= -64 || value.scale >= value.precision()) return 0n;
  if (value.scale <= 0) return value.unscaled * pow10(-value.scale);
  return value.unscaled / pow10(value.scale);
}

const INTEGER = /^[+-]?[0-9]+$/;

/** `Long.parseLong` and friends: an optional sign and ASCII digits, within `bits` bits. */
export function parseJavaInteger(text: string, bits: 8 | 16 | 32 | 64): bigint {
  if (!INTEGER.test(text)) throw new NumberFormatError(`For input string: "${text}"`);
  const value = BigInt(text);
  const limit = 1n << BigInt(bits - 1);
  if (value < -limit || value >= limit) throw new NumberFormatError(`Value out of range. Value:"${text}" Radix:10`);
  return value;
}

const JAVA_FLOAT = /^[+-]?(NaN|Infinity|(([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)[fFdD]?)$/;

/** `Double.parseDouble` (surrounding whitespace allowed, `f`/`d` suffixes; hexadecimal floats are not supported). */
export function parseJavaDouble(text: string): number {
  const trimmed = javaTrim(text);
  const match = JAVA_FLOAT.exec(trimmed);
  if (match === null) throw new NumberFormatError(trimmed === '' ? 'empty String' : `For input string: "${text}"`);
  return Number(trimmed.replace(/[fFdD]$/, ''));
}

/** `new BigDecimal(String)`. */
export function parseJavaBigDecimal(text: string): BigDecimal {
  try {
    return BigDecimal.parse(text);
  } catch (err) {
    throw new NumberFormatError(`Character array is missing "exponent" mark 'e' or 'E'.`, { cause: err });
  }
}

/** `new BigInteger(String)`. */
export function parseJavaBigInteger(text: string): bigint {
  if (!INTEGER.test(text)) throw new NumberFormatError(`For input string: "${text}"`);
  return BigInt(text);
}
