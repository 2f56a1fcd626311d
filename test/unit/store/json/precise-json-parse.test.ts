import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError } from '#lib/errors';
import { canonicalJson } from '#lib/store/json/canonical-json';
import { parsePreciseJson } from '#lib/store/json/precise-json-parse';

describe('parsePreciseJson', () => {
  it('parses integers beyond 2^53 as bigints', () => {
    expect(parsePreciseJson('{"o":9007199254740993,"n":-9223372036854775808}')).toEqual({
      o: 9007199254740993n,
      n: -9223372036854775808n,
    });
  });

  it('parses safe integers and fractions as numbers', () => {
    expect(parsePreciseJson('[9007199254740991, 1.5, -0.25e2, 1e21]')).toEqual([9007199254740991, 1.5, -25, 1e21]);
  });

  it('parses strings, literals and whitespace as JSON.parse does', () => {
    const text = ' { "s" : "a\\u00e9\\n\\"" , "t":true,"f":false,"n":null,"l":[ ] ,"o":{}} ';
    expect(parsePreciseJson(text)).toEqual(JSON.parse(text));
  });

  it('keeps a "__proto__" key as an own member', () => {
    const parsed = parsePreciseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects malformed text', () => {
    for (const text of ['', '{', '{"a":1,}', '[1 2]', '01', 'nul', '"unterminated', '{"a":1} x']) {
      expect(() => parsePreciseJson(text), text).toThrow(DataError);
    }
  });

  it('reads an integral double beyond 2^53 back as the exact bigint', () => {
    expect(parsePreciseJson(canonicalJson({ d: 2 ** 60 }))).toEqual({ d: 1152921504606846976n });
  });

  it('inverts canonicalJson for any JSON value with 64-bit integers', () => {
    // Doubles that are integers beyond 2^53 come back as bigints (same value, other type): tested above.
    const double = fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((d) => !Object.is(d, -0) && (!Number.isInteger(d) || Number.isSafeInteger(d)));
    const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((n) => (Number.isSafeInteger(Number(n)) ? Number(n) : n));
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.boolean(), fc.constant(null), int64, double),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(parsePreciseJson(canonicalJson(v))).toEqual(v);
      }),
    );
  });
});
