import { describe, expect, it } from 'vitest';
import { DataError } from '#lib/errors';
import { ConfigException } from '#lib/plugin/config-exception';
import { RegexRouter } from '#lib/transforms/regex-router';
import { applied, configured, sinkRecord } from './records';

function route(regex: string, replacement: string, topic: string): string {
  return applied(configured(new RegexRouter(), { regex, replacement }), sinkRecord({ topic })).topic;
}

describe('RegexRouter', () => {
  it.each([
    ['foo', 'bar', 'foo', 'bar'],
    ['foo', 'bar', 'orig', 'orig'],
    ['(.*)', '$1', 'orig', 'orig'],
    ['(.*)', 'prefix-$1', 'orig', 'prefix-orig'],
    ['(.*)', '$1-suffix', 'orig', 'orig-suffix'],
    ['(.*)-(\\d\\d\\d\\d\\d\\d\\d\\d)', '$1', 'index-20160117', 'index'],
    ['(?<name>.*)-x', '${name}', 'a-x', 'a'],
    ['(.*)', '\\$1', 'orig', '$1'],
  ])('routes /%s/ → %s: %s becomes %s', (regex, replacement, topic, expected) => {
    expect(route(regex, replacement, topic)).toBe(expected);
  });

  it('matches the whole topic, not a part of it', () => {
    expect(route('foo', 'bar', 'foobar')).toBe('foobar');
  });

  it('returns the record itself when the topic does not match', () => {
    const record = sinkRecord({ topic: 'orig' });

    expect(configured(new RegexRouter(), { regex: 'foo', replacement: 'bar' }).apply(record)).toBe(record);
  });

  it('reports a bad regex as a config error', () => {
    expect(() => configured(new RegexRouter(), { regex: '(', replacement: 'x' })).toThrow(/^Invalid value \( for configuration regex: Invalid regex: /);
  });

  it('requires both keys', () => {
    expect(() => configured(new RegexRouter(), { regex: '.*' })).toThrow(new ConfigException('Missing required configuration "replacement" which has no default value.'));
  });

  it('fails a record when the replacement names a group the regex lacks', () => {
    expect(() => route('(.*)', '$2', 'orig')).toThrow(new DataError('No group 2'));
  });
});

