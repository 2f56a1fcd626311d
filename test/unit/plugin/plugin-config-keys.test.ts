import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#lib/errors';
import { pluginConfigKeys } from '#lib/plugin/plugin-config-keys';
import { HEADER_FROM, JSON_CONVERTER, headerFromTransformation, jsonConverter, jsonHeaderConverter, builtinConnectorsRegistry } from './fake-plugins';

const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
const KEY_INFO_FIELDS = ['name', 'type', 'required', 'default_value', 'importance', 'documentation', 'group', 'width', 'display_name', 'dependents', 'order'];

describe('pluginConfigKeys', () => {
  it('#7 returns ConfigKeyInfo objects with Kafka\'s fields for a sink', () => {
    const keys = pluginConfigKeys(builtinConnectorsRegistry(), SINK);
    expect(keys.every((k) => JSON.stringify(Object.keys(k)) === JSON.stringify(KEY_INFO_FIELDS))).toBe(true);
  });

  it('#7 includes tasks.max as INT with default "1" and the sink\'s topics', () => {
    const keys = pluginConfigKeys(builtinConnectorsRegistry(), SINK);
    expect(keys.find((k) => k.name === 'tasks.max')).toMatchObject({ type: 'INT', default_value: '1', required: false });
    expect(keys.some((k) => k.name === 'topics')).toBe(true);
  });

  it('#8 answers an unknown plugin with 404 Unknown plugin', () => {
    expect(() => pluginConfigKeys(builtinConnectorsRegistry(), 'NoSuchPlugin')).toThrow(new NotFoundError('Unknown plugin NoSuchPlugin.'));
  });

  it('lists the connector\'s own keys first, then the framework keys', () => {
    const names = pluginConfigKeys(builtinConnectorsRegistry(), 'FileStreamSource').map((k) => k.name);
    expect(names.slice(0, 5)).toEqual(['file', 'topic', 'batch.size', 'name', 'connector.class']);
    expect(names.slice(-9)).toEqual(['topic.creation.groups', 'exactly.once.support', 'transaction.boundary', 'transaction.boundary.interval.ms', 'offsets.storage.topic', 'restart.policy', 'restart.max.attempts', 'restart.backoff.initial.ms', 'restart.backoff.max.ms']);
  });

  it('returns only the plugin\'s own keys for a transformation, found by alias', () => {
    const registry = builtinConnectorsRegistry().register(headerFromTransformation);
    expect(pluginConfigKeys(registry, 'Value').map((k) => k.name)).toEqual(['fields', 'operation', 'predicate']);
    expect(pluginConfigKeys(registry, HEADER_FROM)).toHaveLength(3);
  });

  it('treats a class that is both converter and header converter as a converter', () => {
    const registry = builtinConnectorsRegistry().register(jsonHeaderConverter, jsonConverter);
    expect(pluginConfigKeys(registry, JSON_CONVERTER).map((k) => k.name)).toEqual(['converter.type', 'schemas.enable', 'schemas.cache.size']);
  });
});
