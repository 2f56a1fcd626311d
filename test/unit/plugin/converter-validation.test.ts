import { describe, expect, it } from 'vitest';
import type { ConfigInfos } from '#lib/herder/types';
import { ConfigDef } from '#lib/plugin/config-def';
import type { OtherPluginDescriptor } from '#lib/plugin/types';
import { validateConnectorConfig } from '#lib/plugin/validate-connector-config';
import { FILTER, JSON_CONVERTER, filterTransformation, jsonConverter, jsonHeaderConverter, stringConverter, builtinConnectorsRegistry } from './fake-plugins';

const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

function validate(config: Record<string, string | null>, ...extra: OtherPluginDescriptor[]): Promise<ConfigInfos> {
  const registry = builtinConnectorsRegistry().register(jsonConverter, jsonHeaderConverter, stringConverter, filterTransformation, ...extra);
  return validateConnectorConfig(registry, { 'connector.class': SINK, name: 'v', topics: 't1', ...config });
}

function entry(infos: ConfigInfos, name: string) {
  const found = infos.configs.find((c) => c.value.name === name);
  if (!found) throw new Error(`no entry ${name}`);
  return found;
}

describe('converter keys', () => {
  it('accept an installed converter by alias and render its class name', async () => {
    const infos = await validate({ 'value.converter': 'StringConverter' });
    expect([infos.error_count, entry(infos, 'value.converter').value.value]).toEqual([0, 'org.apache.kafka.connect.storage.StringConverter']);
  });

  it('reject a class that is not a converter', async () => {
    const infos = await validate({ 'key.converter': FILTER });
    expect([infos.error_count, entry(infos, 'key.converter').value.errors]).toEqual([1, [`Class class ${FILTER} does not implement the Converter interface`]]);
  });

  it('reject a converter as header converter when it is not registered as one', async () => {
    const infos = await validate({ 'header.converter': 'StringConverter' });
    expect(entry(infos, 'header.converter').value.errors).toEqual(['Class class org.apache.kafka.connect.storage.StringConverter does not implement the HeaderConverter interface']);
  });

  it('reject a converter that cannot be created', async () => {
    const broken: OtherPluginDescriptor = { className: 'com.x.BrokenConverter', type: 'converter', configDef: () => new ConfigDef(), create: () => { throw new Error('no default constructor'); } };
    const infos = await validate({ 'key.converter': 'com.x.BrokenConverter' }, broken);
    expect(entry(infos, 'key.converter').value.errors).toEqual(['Invalid value com.x.BrokenConverter for configuration key.converter: Could not instantiate class: no default constructor']);
  });
});

describe('converter sub-configs (Kafka 3.8+)', () => {
  // Java's HashMap order for these three keys, checked against a JDK.
  it('adds the converter\'s keys under its prefix, after the framework and connector keys, in HashMap order', async () => {
    const infos = await validate({ 'key.converter': 'JsonConverter' });
    const names = infos.configs.map((c) => c.value.name);
    expect(names.slice(names.indexOf('file') + 1)).toEqual(['key.converter.converter.type', 'key.converter.schemas.cache.size', 'key.converter.schemas.enable']);
  });

  it('passes the converter type and the prefixed keys to the converter', async () => {
    const infos = await validate({ 'value.converter': JSON_CONVERTER, 'value.converter.schemas.enable': 'false' });
    expect([entry(infos, 'value.converter.converter.type').value.value, entry(infos, 'value.converter.schemas.enable').value.value]).toEqual(['value', 'false']);
  });

  it('prefixes the definitions and adds the converter\'s groups', async () => {
    const infos = await validate({ 'header.converter': 'JsonConverter' });
    expect([entry(infos, 'header.converter.schemas.enable').definition?.name, infos.groups.at(-1)]).toEqual(['header.converter.schemas.enable', 'Schemas']);
  });

  it('counts one error per converter entry with errors', async () => {
    const infos = await validate({ 'key.converter': 'JsonConverter', 'key.converter.schemas.cache.size': 'x' });
    expect([infos.error_count, entry(infos, 'key.converter.schemas.cache.size').value.errors]).toEqual([
      1,
      ['Invalid value x for configuration schemas.cache.size: Not a number of type INT', 'Invalid value null for configuration schemas.cache.size: Value must be non-null'],
    ]);
  });

  it('skips the sub-config when the converter key itself has errors', async () => {
    const infos = await validate({ 'key.converter': FILTER, 'key.converter.schemas.enable': 'x' });
    expect(infos.configs.some((c) => c.value.name === 'key.converter.schemas.enable')).toBe(false);
  });

  it('reports a converter definition that cannot be loaded on the converter key', async () => {
    const broken: OtherPluginDescriptor = { className: 'com.x.OddConverter', type: 'converter', configDef: () => { throw new Error('boom'); }, create: () => ({}) };
    const infos = await validate({ 'key.converter': 'com.x.OddConverter' }, broken);
    expect(entry(infos, 'key.converter').value.errors).toEqual(['Failed to load ConfigDef from key converter: boom']);
  });
});
