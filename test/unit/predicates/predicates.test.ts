import { describe, expect, it } from 'vitest';
import { ConnectHeaders } from '#lib/data/index';
import { ConfigException } from '#lib/plugin/config-exception';
import { HasHeaderKey, hasHeaderKeyConfigDef } from '#lib/predicates/has-header-key';
import { RecordIsTombstone } from '#lib/predicates/record-is-tombstone';
import { TopicNameMatches, topicNameMatchesConfigDef } from '#lib/predicates/topic-name-matches';
import { configured, sourceRecord } from '../transforms/records';

describe('TopicNameMatches', () => {
  it('requires a pattern', () => {
    expect(() => configured(new TopicNameMatches(), {})).toThrow(new ConfigException('Missing required configuration "pattern" which has no default value.'));
  });

  it('rejects an empty pattern', () => {
    expect(() => configured(new TopicNameMatches(), { pattern: '' })).toThrow(new ConfigException('Invalid value  for configuration pattern: String must be non-empty'));
  });

  it('rejects an invalid regex', () => {
    expect(() => configured(new TopicNameMatches(), { pattern: '[' })).toThrow(/^Invalid value \[ for configuration pattern: Invalid regex: /);
  });

  it('reports an invalid regex as the one validation error of its key', () => {
    const [value] = new TopicNameMatches().config().validate({ pattern: '*' });

    expect(value?.errorMessages).toHaveLength(1);
    expect(value?.errorMessages[0]).toMatch(/Invalid regex/);
  });

  it.each([
    ['my-prefix-', true],
    ['my-prefix-foo', true],
    ['x-my-prefix-', false],
    ['x-my-prefix-foo', false],
    ['your-prefix-', false],
  ])('matches the whole topic name %s: %s', (topic, expected) => {
    expect(configured(new TopicNameMatches(), { pattern: 'my-prefix-.*' }).test(sourceRecord({ topic }))).toBe(expected);
  });

  it('documents its key as Kafka does', () => {
    expect(topicNameMatchesConfigDef().configKeys().get('pattern')?.documentation).toBe("A Java regular expression for matching against the name of a record's topic.");
  });
});

describe('HasHeaderKey', () => {
  it('requires a non-empty name', () => {
    expect(() => configured(new HasHeaderKey(), { name: '' })).toThrow(new ConfigException('Invalid value  for configuration name: String must be non-empty'));
  });

  it('is true when at least one header has the name', () => {
    const predicate = configured(new HasHeaderKey(), { name: 'foo' });

    expect(predicate.test(sourceRecord({ headers: new ConnectHeaders().addString('foo', 'a').addString('foo', 'b') }))).toBe(true);
  });

  it('is false without such a header', () => {
    const predicate = configured(new HasHeaderKey(), { name: 'foo' });

    expect([predicate.test(sourceRecord({ headers: new ConnectHeaders().addString('bar', 'a') })), predicate.test(sourceRecord())]).toEqual([false, false]);
  });

  it('names its key and its Kafka toString', () => {
    expect([hasHeaderKeyConfigDef().names(), String(configured(new HasHeaderKey(), { name: 'foo' }))]).toEqual([['name'], "HasHeaderKey{name='foo'}"]);
  });
});

describe('RecordIsTombstone', () => {
  it('is true for a null value', () => {
    expect(configured(new RecordIsTombstone()).test(sourceRecord({ key: 'k', value: null }))).toBe(true);
  });

  it('is false for any other value', () => {
    expect(configured(new RecordIsTombstone()).test(sourceRecord({ value: '' }))).toBe(false);
  });
});
