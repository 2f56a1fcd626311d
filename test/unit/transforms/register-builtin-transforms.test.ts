import { describe, expect, it } from 'vitest';
import type { ConfigInfos } from '#lib/herder/types';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { validateConnectorConfig } from '#lib/plugin/validate-connector-config';
import { isTransformation } from '#lib/transforms/transformation';
import { BUILTIN_TRANSFORMS } from '#lib/transforms/register-builtin-transforms';

const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
const T = 'org.apache.kafka.connect.transforms';

function registry(): PluginRegistry {
  return createDefaultRegistry();
}

function errorsOf(infos: ConfigInfos): Record<string, string[]> {
  return Object.fromEntries(infos.configs.filter((c) => c.value.errors.length > 0).map((c) => [c.value.name, c.value.errors]));
}

async function validate(config: Record<string, string>): Promise<ConfigInfos> {
  return validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', ...config });
}

describe('registerBuiltinTransforms / registerBuiltinPredicates', () => {
  it("registers the 26 classes of Kafka's transforms service file", () => {
    const names = registry().descriptors('transformation').map((d) => d.className);

    expect(names).toEqual([
      `${T}.Cast$Key`, `${T}.Cast$Value`, `${T}.DropHeaders`, `${T}.ExtractField$Key`, `${T}.ExtractField$Value`, `${T}.Filter`,
      `${T}.Flatten$Key`, `${T}.Flatten$Value`, `${T}.HeaderFrom$Key`, `${T}.HeaderFrom$Value`, `${T}.HoistField$Key`, `${T}.HoistField$Value`,
      `${T}.InsertField$Key`, `${T}.InsertField$Value`, `${T}.InsertHeader`, `${T}.MaskField$Key`, `${T}.MaskField$Value`, `${T}.RegexRouter`,
      `${T}.ReplaceField$Key`, `${T}.ReplaceField$Value`, `${T}.SetSchemaMetadata$Key`, `${T}.SetSchemaMetadata$Value`,
      `${T}.TimestampConverter$Key`, `${T}.TimestampConverter$Value`, `${T}.TimestampRouter`, `${T}.ValueToKey`,
    ]);
  });

  it('registers the three predicates', () => {
    expect(registry().descriptors('predicate').map((d) => d.className)).toEqual([`${T}.predicates.HasHeaderKey`, `${T}.predicates.RecordIsTombstone`, `${T}.predicates.TopicNameMatches`]);
  });

  it('lists them in /connector-plugins with the Kafka version they follow', () => {
    const listed = registry().list(['transformation', 'predicate']);

    expect(new Set(listed.map((p) => p.version))).toEqual(new Set(['3.9.0']));
    expect(listed).toHaveLength(29);
  });

  it('describes each class with instances that have the Transformation verbs and the same keys', () => {
    for (const descriptor of BUILTIN_TRANSFORMS) {
      const instance = descriptor.create();
      expect(isTransformation(instance), descriptor.className).toBe(true);
      expect(instance.config().names()).toEqual(descriptor.configDef().names());
    }
  });

  it('resolves unambiguous simple names as aliases, not the nested $Key/$Value names', () => {
    expect([registry().resolveClass('RegexRouter'), registry().resolveClass('TopicNameMatches'), registry().resolveClass('Value')]).toEqual([`${T}.RegexRouter`, `${T}.predicates.TopicNameMatches`, undefined]);
  });
});

describe('validateConnectorConfig with the bundled transforms', () => {
  it('accepts a valid chain with a predicate', async () => {
    const infos = await validate({ transforms: 'route', 'transforms.route.type': `${T}.RegexRouter`, 'transforms.route.regex': '(.*)', 'transforms.route.replacement': 'x-$1', 'transforms.route.predicate': 'p', predicates: 'p', 'predicates.p.type': `${T}.predicates.TopicNameMatches`, 'predicates.p.pattern': 't.*' });

    expect([infos.error_count, errorsOf(infos)]).toEqual([0, {}]);
  });

  it('embeds the transformation keys in the result', async () => {
    const infos = await validate({ transforms: 'route', 'transforms.route.type': `${T}.RegexRouter`, 'transforms.route.regex': 'a', 'transforms.route.replacement': 'b' });

    expect(infos.configs.map((c) => c.value.name)).toEqual(expect.arrayContaining(['transforms.route.type', 'transforms.route.regex', 'transforms.route.replacement', 'transforms.route.predicate', 'transforms.route.negate']));
  });

  it('reports an unknown transformation type as a config error', async () => {
    const infos = await validate({ transforms: 't', 'transforms.t.type': 'NoSuchTransform' });

    expect([infos.error_count, errorsOf(infos)]).toEqual([1, { 'transforms.t.type': ['Invalid value NoSuchTransform for configuration transforms.t.type: Class NoSuchTransform could not be found.'] }]);
  });

  it('reports a missing required transformation key as a config error', async () => {
    const infos = await validate({ transforms: 'hoist', 'transforms.hoist.type': `${T}.HoistField$Value` });

    expect(errorsOf(infos)).toEqual({ 'transforms.hoist.field': ['Missing required configuration "transforms.hoist.field" which has no default value.'] });
  });

  it('reports a bad regex as a config error', async () => {
    const infos = await validate({ transforms: 'route', 'transforms.route.type': `${T}.RegexRouter`, 'transforms.route.regex': '(', 'transforms.route.replacement': 'x' });

    expect(infos.error_count).toBe(1);
    expect(errorsOf(infos)['transforms.route.regex']?.[0]).toMatch(/^Invalid value \( for configuration regex: Invalid regex: /);
  });

  it('reports a bad Cast spec and a bad TimestampConverter target type', async () => {
    const infos = await validate({ transforms: 'c,ts', 'transforms.c.type': `${T}.Cast$Value`, 'transforms.c.spec': 'f:bytes', 'transforms.ts.type': `${T}.TimestampConverter$Value`, 'transforms.ts.target.type': 'epoch' });

    expect(errorsOf(infos)).toEqual({
      'transforms.c.spec': ['Cast transformation does not support casting to BYTES; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]'],
      'transforms.ts.target.type': ['Invalid value epoch for configuration target.type: String must be one of: string, unix, Date, Time, Timestamp'],
    });
  });

  it('reports a bad predicate pattern as a config error', async () => {
    const infos = await validate({ transforms: 'f', 'transforms.f.type': `${T}.Filter`, 'transforms.f.predicate': 'p', predicates: 'p', 'predicates.p.type': `${T}.predicates.TopicNameMatches`, 'predicates.p.pattern': '[' });

    expect(Object.keys(errorsOf(infos))).toEqual(['predicates.p.pattern']);
  });
});
