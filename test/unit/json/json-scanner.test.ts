import { describe, expect, it } from 'vitest';
import { scanJson, skipJsonWhitespace, type JsonBuilder, type JsonScanOptions } from '#lib/json/json-scanner';

const ECHO: JsonBuilder<unknown> = {
  null: () => null,
  boolean: (value) => value,
  number: (raw) => ({ raw }),
  string: (value) => value,
  array: (items) => items,
  object: (members) => ({ members }),
};

class SyntaxFailure extends Error {}

const OPTIONS: JsonScanOptions = {
  maxDepth: 2,
  fail: (_text, at, expectation) => {
    throw new SyntaxFailure(`${at}: ${expectation}`);
  },
};

describe('scanJson', () => {
  it('hands numbers to the builder as their source text', () => {
    expect(scanJson('[1.0, -0, 12345678901234567890]', 0, ECHO, OPTIONS)).toEqual([{ raw: '1.0' }, { raw: '-0' }, { raw: '12345678901234567890' }]);
  });

  it('hands object members over in order, duplicates included', () => {
    expect(scanJson('{"a":1,"b":true,"a":null}', 0, ECHO, OPTIONS)).toEqual({ members: [['a', { raw: '1' }], ['b', true], ['a', null]] });
  });

  it('decodes string escapes', () => {
    expect(scanJson('"a\\n\\u00e9\\/"', 0, ECHO, OPTIONS)).toBe('a\né/');
  });

  it('starts at the given index', () => {
    expect(scanJson('xx null ', 2, ECHO, OPTIONS)).toBeNull();
  });

  it.each([['[1,]', 3], ['{"a" 1}', 5], ['"\u0001"', 1], ['1 2', 2], ['', 0]])('reports the syntax error in %j at index %i', (text, at) => {
    expect(() => scanJson(text, 0, ECHO, OPTIONS)).toThrow(new RegExp(`^${at}: `));
  });

  it('refuses nesting deeper than maxDepth', () => {
    expect(() => scanJson('[[[]]]', 0, ECHO, OPTIONS)).toThrow('nesting depth exceeds the maximum allowed (2)');
  });
});

describe('skipJsonWhitespace', () => {
  it('skips only JSON whitespace', () => {
    expect(skipJsonWhitespace(' \t\r\n\u00a0x', 0)).toBe(4);
  });
});
