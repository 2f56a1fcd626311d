import { describe, expect, it } from 'vitest';
import { ConfigException } from '#lib/plugin/config-exception';
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

