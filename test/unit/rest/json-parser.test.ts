import { describe, expect, it } from 'vitest';
import { BadRequestError } from '#lib/errors';
import { parseJson, type JsonNode } from '#lib/rest/json-parser';

/** The tree as plain data, numbers as their source text, for compact assertions. */
function plain(node: JsonNode | undefined): unknown {
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return node.value;
    case 'number':
      return { num: node.raw };
    case 'array':
      return node.items.map(plain);
    case 'object':
      return Object.fromEntries([...node.members].map(([k, v]) => [k, plain(v)]));
  }
}

describe('parseJson', () => {
  it('parses every JSON value kind', () => {
    expect(plain(parseJson('{"a":[1,-2.5e3,true,false,null,"s"],"b":{}}'))).toEqual({
      a: [{ num: '1' }, { num: '-2.5e3' }, true, false, null, 's'],
      b: {},
    });
  });

  it('keeps the source text of numbers', () => {
    expect(plain(parseJson('[12345678901234567890, 1.0, 1E+2, -0]'))).toEqual([
      { num: '12345678901234567890' },
      { num: '1.0' },
      { num: '1E+2' },
      { num: '-0' },
    ]);
  });

  it('decodes escapes, surrogate pairs and lone surrogates', () => {
    expect(plain(parseJson('"a\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\ud800"'))).toBe('a"\\/\b\f\n\r\té😀\ud800');
  });

  it('returns undefined for an empty or whitespace-only text', () => {
    expect(parseJson('')).toBeUndefined();
    expect(parseJson(' \n\t\r')).toBeUndefined();
  });

  it('skips a UTF-8 byte order mark', () => {
    expect(plain(parseJson('\uFEFF{}'))).toEqual({});
  });

  it('lets the last duplicate key win', () => {
    expect(plain(parseJson('{"a":1,"b":2,"a":3}'))).toEqual({ a: { num: '3' }, b: { num: '2' } });
  });

  it.each([
    ['{"a":1,}'],
    ['[1,]'],
    ['{a:1}'],
    ["{'a':1}"],
    ['01'],
    ['1.'],
    ['.5'],
    ['+1'],
    ['NaN'],
    ['tru'],
    ['nullx'],
    ['"unterminated'],
    ['"tab\there"'],
    ['"\\x"'],
    ['"\\u12"'],
    ['{"a":1} {}'],
    ['{"a" 1}'],
    ['[1 2]'],
    ['// comment\n{}'],
  ])('refuses %j with a BadRequestError', (text) => {
    expect(() => parseJson(text)).toThrow(BadRequestError);
  });

  it('reports where the problem is', () => {
    expect(() => parseJson('{\n  "a": x}')).toThrow("Unexpected character ('x' (code 120)) at line 2, column 8");
    expect(() => parseJson('{"a":')).toThrow('Unexpected end-of-input at line 1, column 6');
  });

  it('refuses nesting deeper than 1000 levels without overflowing the stack', () => {
    expect(() => parseJson('['.repeat(1001) + ']'.repeat(1001))).toThrow('nesting depth');
    expect(parseJson('['.repeat(1000) + ']'.repeat(1000))).toBeDefined();
  });
});
