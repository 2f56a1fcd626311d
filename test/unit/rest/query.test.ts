import { describe, expect, it } from 'vitest';
import { booleanParam, firstParam, parseQuery } from '#lib/rest/query';

describe('parseQuery', () => {
  it('keeps every occurrence of a repeated parameter', () => {
    expect(parseQuery('expand=status&expand=info').get('expand')).toEqual(['status', 'info']);
  });

  it('keeps a comma-joined value as one value', () => {
    expect(parseQuery('expand=status,info').get('expand')).toEqual(['status,info']);
  });

  it('decodes percent-escapes and + as space in names and values', () => {
    const query = parseQuery('a%20b=c+d%2Be&flag');
    expect(query.get('a b')).toEqual(['c d+e']);
    expect(query.get('flag')).toEqual(['']);
  });

  it('keeps malformed escapes as they are', () => {
    expect(firstParam(parseQuery('x=%zz'), 'x')).toBe('%zz');
  });

  it('ignores empty pairs', () => {
    expect([...parseQuery('&&a=1&').keys()]).toEqual(['a']);
  });
});

describe('booleanParam', () => {
  it.each([
    ['x=true', true],
    ['x=TRUE', true],
    ['x=tRuE', true],
    ['x=1', false],
    ['x=yes', false],
    ['x=%20true', false],
    ['x=false', false],
  ])('reads %s as %s', (raw, expected) => {
    expect(booleanParam(parseQuery(raw), 'x', !expected)).toBe(expected);
  });

  it('uses the default when the parameter is absent or blank', () => {
    expect(booleanParam(parseQuery(''), 'x', true)).toBe(true);
    expect(booleanParam(parseQuery('x=+'), 'x', true)).toBe(true);
  });
});
