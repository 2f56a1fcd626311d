import { DataError } from '#lib/errors';

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/**
 * The most decimal digits a rescaling may add (10^n with n up to this). A decimal whose exponent
 * would need more (`1e1000000000` cast to an integer, compared, or rescaled) is bad input: computing
 * it would take seconds to minutes of CPU and gigabytes before failing. PostgreSQL's NUMERIC, the
 * widest decimal a connector here meets, has at most 131072 digits before the point.
 */
export const MAX_POW10 = 200_000;

/** 10^n as a bigint, for rescaling; a DataError beyond MAX_POW10 digits (see above). */
export function pow10(n: number): bigint {
  if (n < 0 || !Number.isInteger(n)) throw new DataError(`Invalid power of ten: ${n}`);
  if (n > MAX_POW10) throw new DataError(`Decimal out of range: rescaling it needs 10^${n}, more than 10^${MAX_POW10}`);
  return 10n ** BigInt(n);
}

/**
 * An arbitrary-precision decimal: `unscaled × 10^-scale`, like Java's BigDecimal (and equal only when
 * both the unscaled value and the scale are equal, as `BigDecimal.equals` is). It is the value
 * representation of the Decimal logical type; `toString` renders exactly as Java's `BigDecimal.toString`
 * does, which is what Kafka's JsonConverter writes for `decimal.format=NUMERIC`.
 */
export class BigDecimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {
    if (!Number.isInteger(scale)) throw new DataError(`Invalid BigDecimal scale: ${scale}`);
  }

  /** Parses Java's BigDecimal(String) syntax: `-12.50`, `1E+5`, `.5`, `3.` (scale = fraction digits - exponent). */
  static parse(text: string): BigDecimal {
    const match = DECIMAL_PATTERN.exec(text);
    const intPart = match?.[2] ?? '';
    const fraction = match?.[3] ?? '';
    if (match === null || intPart.length + fraction.length === 0) {
      throw new DataError(`Invalid decimal: ${text}`);
    }
    const digits = BigInt(intPart + fraction);
    const exponent = match[4] === undefined ? 0 : Number(match[4]);
    // Java's BigDecimal(String): the exponent and the resulting scale are ints.
    if (exponent < INT_MIN || exponent > INT_MAX) throw new DataError(`Invalid decimal: ${text} (exponent overflow)`);
    const scale = fraction.length - exponent;
    if (scale < INT_MIN || scale > INT_MAX) throw new DataError(`Invalid decimal: ${text} (scale out of range)`);
    return new BigDecimal(match[1] === '-' ? -digits : digits, scale);
  }

  /** Java's `BigDecimal.valueOf(long)`: scale 0. */
  static fromBigInt(value: bigint): BigDecimal {
    return new BigDecimal(value, 0);
  }

  /** Number of decimal digits in the unscaled value (1 for zero). */
  precision(): number {
    const abs = this.unscaled < 0n ? -this.unscaled : this.unscaled;
    return abs.toString().length;
  }

  signum(): number {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  /** Java's `BigDecimal.toString()`: plain when scale ≥ 0 and the adjusted exponent ≥ -6, else scientific. */
  toString(): string {
    const negative = this.unscaled < 0n;
    const coeff = (negative ? -this.unscaled : this.unscaled).toString();
    const sign = negative ? '-' : '';
    if (this.scale === 0) return sign + coeff;
    const adjusted = -this.scale + (coeff.length - 1);
    if (this.scale > 0 && adjusted >= -6) return sign + plain(coeff, this.scale);
    const mantissa = coeff.length > 1 ? `${coeff[0]}.${coeff.slice(1)}` : coeff;
    return `${sign}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
  }

  /** Java's `BigDecimal.toPlainString()`. */
  toPlainString(): string {
    const negative = this.unscaled < 0n;
    const coeff = (negative ? -this.unscaled : this.unscaled).toString();
    const sign = negative ? '-' : '';
    if (this.scale <= 0) return sign + coeff + (this.unscaled === 0n ? '' : '0'.repeat(-this.scale));
    return sign + plain(coeff, this.scale);
  }

  /** The nearest double (Java's `doubleValue()`). */
  toNumber(): number {
    return Number(this.toString());
  }

  equals(other: unknown): boolean {
    return other instanceof BigDecimal && other.unscaled === this.unscaled && other.scale === this.scale;
  }

  /** Numeric comparison ignoring scale (Java's `compareTo`): -1, 0 or 1. */
  compareTo(other: BigDecimal): number {
    const signs = this.signum() - other.signum();
    if (signs !== 0) return signs > 0 ? 1 : -1;
    if (this.signum() === 0) return 0;
    // Same sign, both non-zero: a larger adjusted exponent is the larger magnitude, so no rescaling by
    // a huge power of ten is ever needed (1E+1000000000 against 1 compares at once).
    const magnitude = Math.sign(this.precision() - this.scale - (other.precision() - other.scale));
    if (magnitude !== 0) return this.signum() * magnitude;
    const shift = this.scale - other.scale;
    const a = shift < 0 ? this.unscaled * pow10(-shift) : this.unscaled;
    const b = shift > 0 ? other.unscaled * pow10(shift) : other.unscaled;
    return a === b ? 0 : a < b ? -1 : 1;
  }
}

function plain(coeff: string, scale: number): string {
  if (coeff.length > scale) return `${coeff.slice(0, coeff.length - scale)}.${coeff.slice(coeff.length - scale)}`;
  return `0.${'0'.repeat(scale - coeff.length)}${coeff}`;
}
