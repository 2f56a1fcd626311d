import { describe, expect, it } from 'vitest';
import { DataError } from '#lib/errors';
import { canonicalJson } from '#lib/store/json/canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('serialises maps with the same entries in any order identically', () => {
    expect(canonicalJson({ kafka_topic: 't', kafka_partition: 0 })).toBe(canonicalJson({ kafka_partition: 0, kafka_topic: 't' }));
  });

  it('writes bigints as plain integer literals', () => {
    expect(canonicalJson({ offset: 9007199254740993n, neg: -5n })).toBe('{"neg":-5,"offset":9007199254740993}');
  });

  it('drops undefined members and writes undefined array items as null, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('escapes keys and strings', () => {
    expect(canonicalJson({ 'a"b': 'line\nbreak' })).toBe('{"a\\"b":"line\\nbreak"}');
  });

  it('rejects non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(DataError);
  });

  it('rejects values JSON cannot hold', () => {
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(DataError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(DataError);
  });
});
