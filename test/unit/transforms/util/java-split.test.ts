import { describe, expect, it } from 'vitest';
import { javaSplit } from '#lib/transforms/util/java-split';

describe('javaSplit', () => {
  it.each([
    ['a:b', ['a', 'b']],
    ['a:', ['a']],
    [':b', ['', 'b']],
    [':', []],
    ['', ['']],
    ['a:b:', ['a', 'b']],
  ])('splits %j as String.split(":") does', (text, parts) => {
    expect(javaSplit(text, ':')).toEqual(parts);
  });
});
