import { describe, expect, it } from 'vitest';
import { ConfigException } from '#lib/plugin/config-exception';
import { SingleFieldPath } from '#lib/transforms/field/single-field-path';

describe('SingleFieldPath (V2)', () => {
  it.each([
    ['foo.bar', ['foo', 'bar']],
    ['`foo.bar`.baz', ['foo.bar', 'baz']],
    ['foo.`bar.baz`', ['foo', 'bar.baz']],
    ['foo.', ['foo', '']],
    ['`foo\\`.bar`.baz', ['foo`.bar', 'baz']],
    ['foo`bar', ['foo`bar']],
  ])('splits %s into %j (the doc example "`foo.bar`.baz" among them)', (path, steps) => {
    expect(new SingleFieldPath(path, 'V2').steps).toEqual(steps);
  });

  it('rejects an unclosed backtick with Kafka message', () => {
    expect(() => new SingleFieldPath('`foo.bar', 'V2')).toThrow(
      new ConfigException('Incomplete backtick pair in path: [`foo.bar], consider adding a backslash before backtick at position 0 to escape it'),
    );
  });
});
