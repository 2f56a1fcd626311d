import { describe, expect, it } from 'vitest';
import type { ConfigInfos } from '#lib/herder/types';
import { ConfigDef } from '#lib/plugin/config-def';
import { validateClientOverrides } from '#lib/plugin/client-overrides';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { validateConnectorConfig } from '#lib/plugin/validate-connector-config';

const SOURCE = { 'connector.class': 'FileStreamSource', name: 's', topic: 't' };
const SINK = { 'connector.class': 'FileStreamSink', name: 'k', topics: 't' };

function names(infos: ConfigInfos): string[] {
  return infos.configs.map((c) => c.value.name).filter((n) => n.includes('.override.'));
}

describe('client override entries', () => {
  it('appear for producer overrides of a source', async () => {
    const infos = await validateConnectorConfig(createDefaultRegistry(), { ...SOURCE, 'producer.override.acks': 'all', 'consumer.override.x': '1' });
    expect(names(infos)).toEqual(['producer.override.acks']);
  });

  it('appear for consumer overrides of a sink, and producer and admin ones only with a DLQ', async () => {
    const overrides = { 'producer.override.a': '1', 'consumer.override.b': '2', 'admin.override.c': '3' };
    expect(names(await validateConnectorConfig(createDefaultRegistry(), { ...SINK, ...overrides }))).toEqual(['consumer.override.b']);
    expect(names(await validateConnectorConfig(createDefaultRegistry(), { ...SINK, ...overrides, 'errors.deadletterqueue.topic.name': 'dlq' }))).toEqual(['producer.override.a', 'consumer.override.b', 'admin.override.c']);
  });

  it('appear for admin overrides of a source that uses topic creation', async () => {
    const infos = await validateConnectorConfig(createDefaultRegistry(), { ...SOURCE, 'admin.override.c': '3', 'topic.creation.default.partitions': '1' });
    expect(names(infos)).toEqual(['admin.override.c']);
  });

  it('are undefined but echoed for keys the client definition does not know', async () => {
    const infos = await validateConnectorConfig(createDefaultRegistry(), { ...SOURCE, 'producer.override.acks': 'all' });
    expect(infos.configs.find((c) => c.value.name === 'producer.override.acks')).toEqual({ definition: null, value: { name: 'producer.override.acks', value: 'all', recommended_values: [], errors: [], visible: true } });
  });

  it('are rejected one error per entry under the None policy', async () => {
    const infos = await validateConnectorConfig(createDefaultRegistry(), { ...SOURCE, 'producer.override.acks': 'all', 'producer.override.linger.ms': '5' }, { overridePolicy: 'None' });
    expect(infos.error_count).toBe(2);
    expect(infos.configs.find((c) => c.value.name === 'producer.override.acks')?.value.errors).toEqual(["The 'None' policy does not allow 'acks' to be overridden in the connector configuration."]);
  });
});

describe('validateClientOverrides', () => {
  // Entries come in Java HashMap order (checked against a JDK).
  it('allows only the SASL principal keys under the Principal policy', () => {
    const infos = validateClientOverrides({ 'producer.override.sasl.mechanism': 'PLAIN', 'producer.override.acks': 'all' }, 'producer.override.', new ConfigDef(), 'Principal');
    expect(infos.configs.map((c) => [c.value.name, c.value.errors.length])).toEqual([['producer.override.sasl.mechanism', 0], ['producer.override.acks', 1]]);
  });

  it('uses a supplied client definition', () => {
    const def = new ConfigDef().define({ name: 'linger.ms', type: 'LONG', defaultValue: 5, importance: 'MEDIUM' });
    const infos = validateClientOverrides({ 'producer.override.linger.ms': ' 10 ' }, 'producer.override.', def, 'All');
    expect([infos.configs[0]?.definition?.name, infos.configs[0]?.value.value]).toEqual(['producer.override.linger.ms', '10']);
  });
});
