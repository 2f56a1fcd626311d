// Helpers for the fast-path tests: converters with and without fast paths, a strict value comparison,
// and string / JSON-text generators aimed at the fast paths' special cases.
import fc from 'fast-check';
import { expect } from 'vitest';
import { JsonConverter } from '#lib/converters/json/json-converter';
import { BigDecimal, Struct } from '#lib/data/index';

export function converters(config: Record<string, string> = {}): { fast: JsonConverter; reference: JsonConverter } {
  const fast = new JsonConverter();
  fast.configure(config, false);
  const reference = new JsonConverter({ fastPaths: false });
  reference.configure(config, false);
  return { fast, reference };
}

/**
 * Whether two Connect values are the same down to their JS representation: numbers by `Object.is`
 * (-0 is not 0), bigint is not number, maps in the same key order, structs field by field.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object' || a === null || b === null) return Object.is(a, b);
  if (a instanceof Struct) {
    if (!(b instanceof Struct) || !a.schema.equals(b.schema)) return false;
    return a.schema.fields.every((f) => sameValue(a.getWithoutDefault(f), b.getWithoutDefault(f)));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    const theirs = [...b];
    return [...a].every(([k, v], i) => sameValue(k, theirs[i]?.[0]) && sameValue(v, theirs[i]?.[1]));
  }
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a instanceof Uint8Array) return b instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));
  if (a instanceof Date) return b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (a instanceof BigDecimal) return a.equals(b);
  return false;
}

/** The outcome of a call: its result, or its error's class and message (and its cause's). */
export function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? ` / ${err.cause.constructor.name}` : '';
    return { ok: false, error: err instanceof Error ? `${err.constructor.name}: ${err.message}${cause}` : String(err) };
  }
}

/** Expects both calls to give the same value (by `same`) or to fail with the same error. */
export function expectSameOutcome<T>(fast: () => T, reference: () => T, same: (a: T, b: T) => boolean): void {
  const expected = outcome(reference);
  const actual = outcome(fast);
  if (!expected.ok || !actual.ok) {
    expect(actual).toEqual(expected);
    return;
  }
  expect(same(actual.value, expected.value)).toBe(true);
}

const TRICKY_CHARS = ['"', '\\', '/', '\n', '\t', '\r', '\b', '\f', '\u0000', '\u001f', '\u007f', '\u0080', 'é', 'ÿ', 'Ā', '€', '\u2028', '\uffff', '😀', '\ud800', '\udc00', 'a', ' '];

/** Strings mixing plain ASCII with every kind of character the writers treat specially, short and long. */
export const trickyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), maxLength: 12 }),
  fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', '~'), minLength: 40, maxLength: 90 }), fc.option(fc.constantFrom(...TRICKY_CHARS)), fc.nat(90))
    .map(([s, c, at]) => (c === null ? s : s.slice(0, at) + c + s.slice(at))),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 10 }),
);

/** Number literals in the forms Jackson reads: leading zeros, fractions, exponents, beyond 2^53 and 2^64, -0. */
export const numberLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '-0', '00', '-0.0', '0.0', '1e0', '1E+2', '-1e-2', '1.5e300', '1e400', '-1e-400', '4.9E-324', '9007199254740993', '-9223372036854775808',
    '9223372036854775808', '18446744073709551617', '123456789012345', '1234567890123456', '0.30000000000000004', '2147483648', '-2147483649', '127', '-128', '32768',
    '1.0', '2.5', '1234.56', '0.001', '1.0E-4', '1.0E10', '3.4E38', '000123', '-00', '0.1e-22', '1e22', '1e23', '123456789012345.6', '1.7976931348623157E308'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(d)),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.nat(999), fc.integer({ min: -30, max: 30 })).map(([i, f, e]) => `${i}.${f}e${e}`),
);

/** JSON texts with the syntax variations the readers must treat like JsonReader (whitespace, escapes, repeated keys). */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberLiteral,
    trickyString.map((s) => JSON.stringify(s)),
    fc.constantFrom('true', 'false', 'null', '"\\u00e9\\uD83D\\uDE00"', '"a\\/b"', ' 1 ', '"x"'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(fc.constantFrom('a', 'b', 'key', 'é', 'a\\"b', ''), tie('value')), { maxLength: 4 })
      .map((members) => `{${members.map(([k, v]) => `"${k}":${v}`).join(', ')}}`),
  ),
})).value;
