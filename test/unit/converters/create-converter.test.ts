import { describe, expect, it } from 'vitest';
import { registerBuiltinConverters } from '#lib/converters/builtin-converters';
import { createConverter, createHeaderConverter } from '#lib/converters/create-converter';
import { JsonConverter } from '#lib/converters/json/json-converter';
import { SimpleHeaderConverter } from '#lib/converters/simple-header-converter';
import { StringConverter } from '#lib/converters/string-converter';
import { Schema } from '#lib/data/index';
import { InvalidConfigError } from '#lib/errors';
import { PluginRegistry } from '#lib/plugin/plugin-registry';

const registry = registerBuiltinConverters(new PluginRegistry());

describe('built-in converter registration', () => {
  it('lists JsonConverter and StringConverter as converter and header_converter, SimpleHeaderConverter as header_converter only', () => {
    const json = registry.find('org.apache.kafka.connect.json.JsonConverter').map((d) => d.type);
    const simple = registry.find('org.apache.kafka.connect.storage.SimpleHeaderConverter').map((d) => d.type);

    expect(json).toEqual(['converter', 'header_converter']);
    expect(registry.find('StringConverter').map((d) => d.type)).toEqual(['converter', 'header_converter']);
    expect(simple).toEqual(['header_converter']);
  });

  it('exposes each converter\'s ConfigDef', () => {
    const json = registry.findOfType('JsonConverter', 'converter');

    expect(json?.configDef().names()).toEqual(['converter.type', 'schemas.enable', 'schemas.cache.size', 'decimal.format', 'replace.null.with.default']);
  });
});

describe('createConverter', () => {
  it('uses the connector\'s converter with its prefixed settings, stripped', () => {
    const converter = createConverter(registry, 'value', { 'value.converter': 'JsonConverter', 'value.converter.schemas.enable': 'false' },
      { 'value.converter': 'StringConverter' });

    expect(converter).toBeInstanceOf(JsonConverter);
    expect(Buffer.from(converter.fromConnectData('t', undefined, Schema.INT32_SCHEMA, 5) as Uint8Array).toString()).toBe('5');
  });

  it('falls back to the worker\'s converter and settings without merging the two', () => {
    const converter = createConverter(registry, 'key', { 'key.converter.schemas.enable': 'false' },
      { 'key.converter': 'org.apache.kafka.connect.json.JsonConverter' });

    expect(Buffer.from(converter.fromConnectData('t', undefined, Schema.INT32_SCHEMA, 5) as Uint8Array).toString())
      .toBe('{"schema":{"type":"int32","optional":false},"payload":5}');
  });

  it('requires a converter class somewhere', () => {
    expect(() => createConverter(registry, 'key', {}, {})).toThrow('Missing required configuration "key.converter" which has no default value.');
    expect(() => createConverter(registry, 'key', { 'key.converter': 'Nope' }, {})).toThrow(InvalidConfigError);
  });

  it('defaults the header converter to SimpleHeaderConverter and configures converter.type=header', () => {
    expect(createHeaderConverter(registry, {}, {})).toBeInstanceOf(SimpleHeaderConverter);
    expect(createHeaderConverter(registry, { 'header.converter': 'StringConverter' }, {})).toBeInstanceOf(StringConverter);
  });
});
