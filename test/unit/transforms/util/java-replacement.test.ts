import { describe, expect, it } from 'vitest';
import { DataError } from '#lib/errors';
import { expandJavaReplacement } from '#lib/transforms/util/java-replacement';

function expand(replacement: string, regex: RegExp, input: string): string {
  const match = regex.exec(input);
  if (match === null) throw new Error('no match');
  return expandJavaReplacement(replacement, match);
}

describe('expandJavaReplacement (Matcher.appendReplacement rules)', () => {
  it.each([
    ['$1-$2', /(a)(b)/, 'ab', 'a-b'],
    ['${x}!', /(?<x>a)/, 'a', 'a!'],
    ['\\$1 \\\\', /(a)/, 'a', '$1 \\'],
    ['$10', /(a)/, 'a', 'a0'],
    ['$0', /a+/, 'aaa', 'aaa'],
  ])('expands %s', (replacement, regex, input, expected) => {
    expect(expand(replacement, regex, input)).toBe(expected);
  });

  it.each([
    ['$', 'Illegal group reference: group index is missing'],
    ['$x', 'Illegal group reference'],
    ['$2', 'No group 2'],
    ['\\', 'character to be escaped is missing'],
    ['${y}', 'No group with name {y}'],
  ])('rejects %s with Java message', (replacement, message) => {
    expect(() => expand(replacement, /(a)/, 'a')).toThrow(new DataError(message));
  });
});
