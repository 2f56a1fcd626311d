import { describe, expect, it } from 'vitest';
import type { ConfigKeyInfo } from '#lib/herder/types';
import { toConfigKeyInfo } from '#lib/plugin/config-key-info';
import { connectorConfigDef } from '#lib/plugin/connector-config';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { sinkConnectorConfigDef } from '#lib/plugin/sink-connector-config';
import { sourceConnectorConfigDef } from '#lib/plugin/source-connector-config';

function infos(def: ReturnType<typeof connectorConfigDef>): Record<string, ConfigKeyInfo> {
  return Object.fromEntries([...def.configKeys().values()].map((k) => [k.name, toConfigKeyInfo(k)]));
}

function summary(info: ConfigKeyInfo | undefined): string {
  return info ? `${info.type} ${info.default_value} ${info.importance} ${info.group} ${info.order} ${info.width} ${info.display_name}` : 'missing';
}

describe('connectorConfigDef', () => {
  const keys = infos(connectorConfigDef(new PluginRegistry()));

  it.each([
    ['name', 'STRING null HIGH Common 1 MEDIUM Connector name'],
    ['connector.class', 'STRING null HIGH Common 2 LONG Connector class'],
    ['tasks.max', 'INT 1 HIGH Common 3 SHORT Tasks max'],
    ['tasks.max.enforce', 'BOOLEAN true LOW Common 4 SHORT Enforce tasks max'],
    ['key.converter', 'CLASS null LOW Common 5 SHORT Key converter class'],
    ['value.converter', 'CLASS null LOW Common 6 SHORT Value converter class'],
    ['header.converter', 'CLASS null LOW Common 7 SHORT Header converter class'],
    ['transforms', 'LIST  LOW Transforms 8 LONG Transforms'],
    ['predicates', 'LIST  LOW Predicates 9 LONG Predicates'],
    ['config.action.reload', 'STRING restart LOW Common 10 MEDIUM Reload Action'],
    ['errors.retry.timeout', 'LONG 0 MEDIUM Error Handling 1 MEDIUM Retry Timeout for Errors'],
    ['errors.retry.delay.max.ms', 'LONG 60000 MEDIUM Error Handling 2 MEDIUM Maximum Delay Between Retries for Errors'],
    ['errors.tolerance', 'STRING none MEDIUM Error Handling 3 SHORT Error Tolerance'],
    ['errors.log.enable', 'BOOLEAN false MEDIUM Error Handling 4 SHORT Log Errors'],
    ['errors.log.include.messages', 'BOOLEAN false MEDIUM Error Handling 5 SHORT Log Error Details'],
  ])('defines %s as Kafka 3.9 does', (name, expected) => {
    expect(summary(keys[name])).toBe(expected);
  });

  it('marks only name and connector.class as required', () => {
    expect(Object.values(keys).filter((k) => k.required).map((k) => k.name)).toEqual(['name', 'connector.class']);
  });

  it('keeps Kafka\'s connector.class documentation, double space included', () => {
    expect(keys['connector.class']?.documentation).toContain('specify this full name,  or use "FileStreamSink" or "FileStreamSinkConnector"');
  });
});

describe('sinkConnectorConfigDef', () => {
  const keys = infos(sinkConnectorConfigDef(new PluginRegistry()));

  it.each([
    ['topics', 'LIST  HIGH Common 4 LONG Topics'],
    ['topics.regex', 'STRING  HIGH Common 4 LONG Topics regex'],
    ['errors.deadletterqueue.topic.name', 'STRING  MEDIUM Error Handling 6 MEDIUM Dead Letter Queue Topic Name'],
    ['errors.deadletterqueue.topic.replication.factor', 'SHORT 3 MEDIUM Error Handling 7 MEDIUM Dead Letter Queue Topic Replication Factor'],
    ['errors.deadletterqueue.context.headers.enable', 'BOOLEAN false MEDIUM Error Handling 8 MEDIUM Enable Error Context Headers'],
  ])('defines %s as Kafka 3.9 does', (name, expected) => {
    expect(summary(keys[name])).toBe(expected);
  });

  it('rejects a topics.regex that does not compile', () => {
    const errors = sinkConnectorConfigDef(new PluginRegistry()).validateAll({ 'topics.regex': '(' }).get('topics.regex')?.errorMessages ?? [];
    expect(errors[0]).toMatch(/^Invalid value \( for configuration topics\.regex: Invalid regex: /);
  });
});

describe('sourceConnectorConfigDef', () => {
  const def = sourceConnectorConfigDef(new PluginRegistry());
  const keys = infos(def);

  it.each([
    ['topic.creation.groups', 'LIST  LOW Topic Creation 1 LONG Topic Creation Groups'],
    ['exactly.once.support', 'STRING requested MEDIUM Exactly Once Support 2 SHORT Exactly once support'],
    ['transaction.boundary', 'STRING poll MEDIUM Exactly Once Support 3 SHORT Transaction Boundary'],
    ['transaction.boundary.interval.ms', 'LONG null LOW Exactly Once Support 4 SHORT Transaction boundary interval'],
    ['offsets.storage.topic', 'STRING null LOW offsets.topic 1 LONG Offsets topic'],
  ])('defines %s as Kafka 3.9 does', (name, expected) => {
    expect(summary(keys[name])).toBe(expected);
  });

  it('rejects a negative transaction interval but accepts none', () => {
    expect(def.validateAll({ 'transaction.boundary.interval.ms': '-1' }).get('transaction.boundary.interval.ms')?.errorMessages).toEqual(['Invalid value -1 for configuration transaction.boundary.interval.ms: Value must be at least 0']);
    expect(def.validateAll({}).get('transaction.boundary.interval.ms')?.errorMessages).toEqual([]);
  });

  it('lists transaction boundaries in Kafka\'s HashSet order', () => {
    expect(def.validateAll({ 'transaction.boundary': 'never' }).get('transaction.boundary')?.errorMessages).toEqual(['Invalid value never for configuration transaction.boundary: String must be one of (case insensitive): INTERVAL, POLL, CONNECTOR']);
  });

  it('rejects duplicate topic creation groups and an empty offsets topic', () => {
    const values = def.validateAll({ 'topic.creation.groups': 'a,a', 'offsets.storage.topic': '' });
    expect([values.get('topic.creation.groups')?.errorMessages, values.get('offsets.storage.topic')?.errorMessages]).toEqual([
      ['Invalid value [a, a] for configuration topic.creation.groups: Duplicate alias provided.'],
      ['Invalid value  for configuration offsets.storage.topic: String must be non-empty'],
    ]);
  });
});
