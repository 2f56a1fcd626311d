import { isInFloat32Interval, nearestFloat32Interval } from './float32-interval';

/**
 * Java's `Double.toString` and `Float.toString` (JDK 19+ specification, which Jackson uses for JSON
 * output): the shortest decimal that rounds back to the value (when that has one digit, the closest
 * decimal of at most two digits, e.g. `4.9E-324`), at least one fraction digit, plain notation for
 * magnitudes in [1e-3, 1e7) and `d.dddE±n` otherwise; `NaN`, `Infinity`, `-0.0` as Java spells them.
 */
export function javaDoubleToString(value: number): string {
  const special = specialToString(value);
  if (special !== undefined) return special;
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    // JS prints this range in plain notation with the same shortest digits; the two-digit rule only
    // matters for subnormals.
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  let [digits, exponent] = splitExponential(abs.toExponential());
  if (digits.length === 1 && abs < MIN_NORMAL) [digits, exponent] = splitExponential(closest(abs, 2, isDoubleOf) as string);
  return layout(value < 0, stripZeros(digits), exponent, abs);
}

/** `Float.toString` of `Math.fround(value)`. */
export function javaFloatToString(value: number): string {
  const f = Math.fround(value);
  const special = specialToString(f);
  if (special !== undefined) return special;
  const abs = Math.abs(f);
  const interval = nearestFloat32Interval(abs);
  const inRange = (text: string): boolean => isInFloat32Interval(text, interval);
  for (let precision = 1; precision < 9; precision++) {
    if (closest(abs, precision, inRange) === undefined) continue;
    const [digits, exponent] = splitExponential(closest(abs, Math.max(precision, 2), inRange) as string);
    return layout(f < 0, stripZeros(digits), exponent, abs);
  }
  const [digits, exponent] = splitExponential(closest(abs, 9, inRange) ?? abs.toExponential(8));
  return layout(f < 0, stripZeros(digits), exponent, abs);
}

const MIN_NORMAL = 2.2250738585072014e-308;

function isDoubleOf(text: string, abs: number): boolean {
  return Number(text) === abs;
}

/**
 * The decimal with `digits` significant digits closest to `abs` among those that round back to it
 * (the nearest one, or else its neighbour on the other side), or undefined if none does.
 */
function closest(abs: number, digits: number, inRange: (text: string, abs: number) => boolean): string | undefined {
  const nearest = abs.toExponential(digits - 1);
  if (inRange(nearest, abs)) return nearest;
  const [mantissa, exponent] = splitExponential(nearest);
  const other = (Number(nearest) < abs ? BigInt(mantissa) + 1n : BigInt(mantissa) - 1n).toString();
  const candidate = `${other[0]}.${other.slice(1)}e${exponent + other.length - digits}`;
  return inRange(candidate, abs) ? candidate : undefined;
}

function specialToString(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  return undefined;
}

/** `1.2345e+3` → ['12345', 3] (digits without the point, decimal exponent of the first digit). */
function splitExponential(text: string): [string, number] {
  const e = text.indexOf('e');
  return [text.slice(0, e).replace('.', ''), Number(text.slice(e + 1))];
}

function stripZeros(digits: string): string {
  const stripped = digits.replace(/0+$/, '');
  return stripped === '' ? '0' : stripped;
}

function layout(negative: boolean, digits: string, exponent: number, abs: number): string {
  const sign = negative ? '-' : '';
  if (abs >= 1e-3 && abs < 1e7) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1);
    return `${sign}${intPart}.${fraction === '' ? '0' : fraction}`;
  }
  return `${sign}${digits[0]}.${digits.length > 1 ? digits.slice(1) : '0'}E${exponent}`;
}
