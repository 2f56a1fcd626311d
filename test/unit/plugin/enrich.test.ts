import { describe, expect, it } from 'vitest';
import type { ConfigInfos } from '#lib/herder/types';
import { ConfigDef } from '#lib/plugin/config-def';
import { connectorConfigDef } from '#lib/plugin/connector-config';
import { enrich } from '#lib/plugin/enrich';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { validateConnectorConfig } from '#lib/plugin/validate-connector-config';
import { FILTER, HAS_HEADER_KEY, HEADER_FROM, filterTransformation, hasHeaderKeyPredicate, headerFromTransformation, transformation, builtinConnectorsRegistry } from './fake-plugins';

const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

function registry(): PluginRegistry {
  return builtinConnectorsRegistry().register(filterTransformation, headerFromTransformation, hasHeaderKeyPredicate);
}

function validate(config: Record<string, string | null>): Promise<ConfigInfos> {
  return validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', ...config });
}

function entry(infos: ConfigInfos, name: string) {
  const found = infos.configs.find((c) => c.value.name === name);
  if (!found) throw new Error(`no entry ${name}`);
  return found;
}

describe('enrich', () => {
  it('defines a required type key per transform alias, grouped under the alias', () => {
    const def = enrich(registry(), connectorConfigDef(registry()), { transforms: 'a' }, false);
    expect(def.configKeys().get('transforms.a.type')).toMatchObject({ type: 'CLASS', importance: 'HIGH', documentation: "Class for the 'a' transformation.", group: 'Transforms: a', orderInGroup: 0, width: 'LONG', displayName: 'Transformation type for a' });
    expect(def.groups()).toContain('Transforms: a');
  });

  it('embeds the transformation\'s keys and the implicit ones in Kafka\'s sorted order (required keys first)', () => {
    const def = enrich(registry(), new ConfigDef(), { transforms: 'h', 'transforms.h.type': HEADER_FROM }, false);
    expect([...def.configKeys().values()].map((k) => `${k.name}@${k.orderInGroup}`)).toEqual([
      'transforms.h.type@0', 'transforms.h.fields@1', 'transforms.h.operation@2', 'transforms.h.negate@3', 'transforms.h.predicate@4',
    ]);
  });

  it('masks a transformation key named like an implicit key', () => {
    const def = enrich(registry(), new ConfigDef(), { transforms: 'h', 'transforms.h.type': HEADER_FROM }, false);
    expect(def.configKeys().get('transforms.h.predicate')?.documentation).toBe('The alias of a predicate used to determine whether to apply this transformation.');
  });

  it('resolves the transformation by its simple name', () => {
    const def = enrich(registry(), new ConfigDef(), { transforms: 'h', 'transforms.h.type': 'Value' }, false);
    expect(def.names()).toContain('transforms.h.fields');
  });

  it('resolves the transformation by its name without the Transformation suffix', () => {
    const byPruned = enrich(new PluginRegistry().register(transformation('com.x.MaskTransformation', () => new ConfigDef().define({ name: 'x', type: 'STRING', importance: 'LOW' }))), new ConfigDef(), { transforms: 'm', 'transforms.m.type': 'Mask' }, false);
    expect(byPruned.names()).toContain('transforms.m.x');
  });

  it('only defines the type key when the class is not a transformation, unless a full config is required', () => {
    const props = { transforms: 'p', 'transforms.p.type': HAS_HEADER_KEY };
    expect(enrich(registry(), new ConfigDef(), props, false).names()).toEqual(['transforms.p.type']);
    expect(() => enrich(registry(), new ConfigDef(), props, true)).toThrow(`Class class ${HAS_HEADER_KEY} does not implement the Transformation interface`);
  });

  it('defines predicate keys under Predicates: <alias>', () => {
    const def = enrich(registry(), new ConfigDef(), { predicates: 'p', 'predicates.p.type': 'HasHeaderKey' }, false);
    expect([...def.configKeys().values()].map((k) => `${k.name} ${k.group} ${k.displayName}`)).toEqual(['predicates.p.type Predicates: p Predicate type for p', 'predicates.p.name Predicates: p name']);
  });
});

describe('transform and predicate validation', () => {
  it('validates the transformation\'s own keys', async () => {
    const infos = await validate({ transforms: 'h', 'transforms.h.type': HEADER_FROM, 'transforms.h.fields': 'a', 'transforms.h.operation': 'swap' });
    expect([infos.error_count, entry(infos, 'transforms.h.operation').value.errors]).toEqual([1, ['Invalid value swap for configuration operation: String must be one of: move, copy']]);
  });

  it('adds the alias group to the groups', async () => {
    expect((await validate({ transforms: 'f', 'transforms.f.type': FILTER })).groups).toEqual(['Common', 'Transforms', 'Predicates', 'Error Handling', 'Restarts', 'Transforms: f']);
  });

  it('reports a missing type key', async () => {
    const infos = await validate({ transforms: 'f' });
    expect(entry(infos, 'transforms.f.type').value.errors).toEqual(['Missing required configuration "transforms.f.type" which has no default value.']);
  });

  it('reports a class that is not a transformation', async () => {
    const infos = await validate({ transforms: 'f', 'transforms.f.type': SINK });
    expect(entry(infos, 'transforms.f.type').value.errors).toEqual([`Class class ${SINK} does not implement the Transformation interface`]);
  });

  it('reports negate without a predicate', async () => {
    const infos = await validate({ transforms: 'f', 'transforms.f.type': FILTER, 'transforms.f.negate': 'true' });
    expect([infos.error_count, entry(infos, 'transforms.f.type').value.errors]).toEqual([1, ["Config 'transforms.f.negate' was provided but there is no config 'transforms.f.predicate' defining a predicate to be negated."]]);
  });

  it('accepts negate with a predicate', async () => {
    const infos = await validate({ transforms: 'f', 'transforms.f.type': FILTER, 'transforms.f.predicate': 'p', 'transforms.f.negate': 'true', predicates: 'p', 'predicates.p.type': HAS_HEADER_KEY, 'predicates.p.name': 'h' });
    expect(infos.error_count).toBe(0);
  });

  it('reports a class that is not a predicate', async () => {
    const infos = await validate({ predicates: 'p', 'predicates.p.type': FILTER });
    expect(entry(infos, 'predicates.p.type').value.errors).toEqual([`Class class ${FILTER} does not implement the Predicate interface`]);
  });

  it('recommends the installed transformations and renders the resolved class name', async () => {
    const value = entry(await validate({ transforms: 'f', 'transforms.f.type': 'Filter' }), 'transforms.f.type').value;
    expect([value.value, value.recommended_values]).toEqual([FILTER, [FILTER, HEADER_FROM]]);
  });

  it('reports a transformation whose definition cannot be loaded', async () => {
    const broken = transformation('com.x.Broken', () => {
      throw new Error('no config');
    });
    const infos = await validateConnectorConfig(registry().register(broken), { 'connector.class': SINK, name: 'v', topics: 't1', transforms: 'b', 'transforms.b.type': 'com.x.Broken' });
    expect(entry(infos, 'transforms.b.type').value.errors).toEqual(['Invalid value class com.x.Broken for configuration transforms.b.type: Error getting config definition from Transformation: no config']);
  });
});
