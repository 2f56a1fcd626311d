/** The doubles bounding the decimals that round to a positive float32 (its rounding interval). */
export interface Float32Interval {
  readonly lo: number;
  readonly hi: number;
  /** Whether the float's significand is even: then decimals exactly on a bound round to it too. */
  readonly even: boolean;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function fromBits(bits: number): number {
  u32[0] = bits;
  return f32[0] as number;
}

/** The rounding interval of a positive, finite float32 value (given as a double). */
export function nearestFloat32Interval(abs: number): Float32Interval {
  f32[0] = abs;
  const bits = u32[0] as number;
  const prev = fromBits(bits - 1);
  const next = bits + 1 >= 0x7f800000 ? abs + (abs - prev) : fromBits(bits + 1);
  return { lo: (prev + abs) / 2, hi: (abs + next) / 2, even: (bits & 1) === 0 };
}

/** Whether the decimal text (as `toExponential` writes it) rounds to the float of the interval. */
export function isInFloat32Interval(text: string, interval: Float32Interval): boolean {
  const x = Number(text);
  if (x > interval.lo && x < interval.hi) return true;
  if (x < interval.lo || x > interval.hi) return false;
  // Number(text) landed on a bound: decide exactly.
  const cmp = compareDecimalToDouble(text, x);
  if (cmp === 0) return interval.even;
  return x === interval.lo ? cmp > 0 : cmp < 0;
}

/** Exact comparison of a positive decimal (`d.ddde±x`) with a positive double: -1, 0 or 1. */
export function compareDecimalToDouble(text: string, d: number): number {
  const e = text.toLowerCase().indexOf('e');
  const mantissaText = e < 0 ? text : text.slice(0, e);
  const point = mantissaText.indexOf('.');
  const digits = mantissaText.replace('.', '');
  const decExp = (e < 0 ? 0 : Number(text.slice(e + 1))) - (point < 0 ? 0 : mantissaText.length - point - 1);
  f64[0] = d;
  const bits = u64[0] as bigint;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const significand = biased === 0 ? fraction : fraction | (1n << 52n);
  const binExp = (biased === 0 ? 1 : biased) - 1075;
  let left = BigInt(digits);
  let right = significand;
  if (decExp >= 0) left *= 10n ** BigInt(decExp);
  else right *= 10n ** BigInt(-decExp);
  if (binExp >= 0) right <<= BigInt(binExp);
  else left <<= BigInt(-binExp);
  return left === right ? 0 : left < right ? -1 : 1;
}

/**
 * The float32 nearest to a decimal literal (ties to even), as Java's BigDecimal.floatValue gives it;
 * `Math.fround(Number(text))` alone can round twice the wrong way when the double lands on a midpoint.
 */
export function decimalToFloat32(text: string): number {
  const negative = text.startsWith('-');
  const absText = negative ? text.slice(1) : text;
  const a = Number(absText);
  const fa = Math.fround(a);
  if (fa === a || !Number.isFinite(fa) || fa === 0) return negative ? -fa : fa;
  f32[0] = fa;
  const bits = u32[0] as number;
  const neighbour = fromBits(a > fa ? bits + 1 : bits - 1);
  if ((fa + neighbour) / 2 !== a) return negative ? -fa : fa;
  const cmp = compareDecimalToDouble(absText, a);
  const [low, high] = fa < neighbour ? [fa, neighbour] : [neighbour, fa];
  f32[0] = low;
  const lowEven = ((u32[0] as number) & 1) === 0;
  const result = cmp > 0 ? high : cmp < 0 ? low : lowEven ? low : high;
  return negative ? -result : result;
}
