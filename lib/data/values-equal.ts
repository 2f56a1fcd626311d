import { BigDecimal } from './big-decimal';

/**
 * Deep equality of Connect values, as Kafka's `Objects.deepEquals` sees them: numbers compare like
 * Java's boxed Double/Integer (`Object.is`, so NaN equals NaN and 0 differs from -0), a bigint equals
 * a number of the same integral value, bytes by content, arrays element-wise, maps by entries in any
 * order, Dates by instant, BigDecimals by unscaled value and scale, Structs and schemas by `equals`.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || a === undefined || b === undefined) return a == b;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'bigint' || tb === 'bigint') return mixedIntegersEqual(a, b);
  if (ta !== 'object' || tb !== 'object') return false;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && bytesEqual(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && arraysEqual(a, b);
  if (a instanceof Map) return b instanceof Map && mapsEqual(a, b);
  if (a instanceof Date) return b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (a instanceof BigDecimal) return a.equals(b);
  const equals = (a as { equals?: unknown }).equals;
  return typeof equals === 'function' ? Boolean(equals.call(a, b)) : false;
}

function mixedIntegersEqual(a: unknown, b: unknown): boolean {
  const toBig = (v: unknown): bigint | undefined =>
    typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : undefined;
  const x = toBig(a);
  return x !== undefined && x === toBig(b);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function arraysEqual(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i])) return false;
  return true;
}

function mapsEqual(a: ReadonlyMap<unknown, unknown>, b: ReadonlyMap<unknown, unknown>): boolean {
  if (a.size !== b.size) return false;
  outer: for (const [key, value] of a) {
    if (b.has(key)) {
      if (!valuesEqual(value, b.get(key))) return false;
      continue;
    }
    for (const [otherKey, otherValue] of b) {
      if (valuesEqual(key, otherKey) && valuesEqual(value, otherValue)) continue outer;
    }
    return false;
  }
  return true;
}
