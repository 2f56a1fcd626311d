import { describe, expect, it } from 'vitest';
import { decodePathSegment, encodePathSegment, splitPath } from '#lib/rest/path';

describe('splitPath', () => {
  it.each([
    ['/', []],
    ['', []],
    ['/connectors', ['connectors']],
    ['/connectors/', ['connectors']],
    ['/connectors/a%2Fb/status', ['connectors', 'a%2Fb', 'status']],
    ['/connectors//status', ['connectors', '', 'status']],
  ])('splits %j', (path, segments) => {
    expect(splitPath(path)).toEqual(segments);
  });
});

describe('path segment encoding', () => {
  it.each(['plain', 'a b', 'a/b', '100%', 'ü€😀', 'a?b#c&d=e+f', ':@!$\'()*,;'])('round-trips %j', (name) => {
    expect(decodePathSegment(encodePathSegment(name))).toBe(name);
    expect(encodePathSegment(name)).not.toContain('/');
  });

  it('replaces lone surrogates instead of failing', () => {
    expect(encodePathSegment('a\ud800')).toBe('a%EF%BF%BD');
  });
});
