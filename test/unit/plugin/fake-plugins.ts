/** Small plugin descriptors for tests: a transformation, a predicate, converters and connectors. */
import { registerBuiltinConnectors } from '#lib/connectors/index';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { ConfigDef } from '#lib/plugin/config-def';
import type { ConfigValue } from '#lib/plugin/config-types';
import type { Connector, ConnectorDescriptor, OtherPluginDescriptor } from '#lib/plugin/types';
import { Range, ValidString } from '#lib/plugin/validators';

export const FILTER = 'org.apache.kafka.connect.transforms.Filter';
export const HEADER_FROM = 'org.apache.kafka.connect.transforms.HeaderFrom$Value';
export const HAS_HEADER_KEY = 'org.apache.kafka.connect.transforms.predicates.HasHeaderKey';
export const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';
export const STRING_CONVERTER = 'org.apache.kafka.connect.storage.StringConverter';

export function transformation(className: string, def: () => ConfigDef = () => new ConfigDef()): OtherPluginDescriptor {
  return { className, type: 'transformation', version: '3.9.0', configDef: def, create: () => ({}) };
}

export function predicate(className: string, def: () => ConfigDef = () => new ConfigDef()): OtherPluginDescriptor {
  return { className, type: 'predicate', version: '3.9.0', configDef: def, create: () => ({}) };
}

export const filterTransformation = transformation(FILTER);
export const headerFromTransformation = transformation(HEADER_FROM, () =>
  new ConfigDef()
    .define({ name: 'fields', type: 'LIST', importance: 'HIGH', documentation: 'Field names in the record value.' })
    .define({ name: 'operation', type: 'STRING', validator: ValidString.in('move', 'copy'), importance: 'HIGH', documentation: 'Either move or copy.' })
    .define({ name: 'predicate', type: 'STRING', defaultValue: 'masked', importance: 'LOW' }),
);
export const hasHeaderKeyPredicate = predicate(HAS_HEADER_KEY, () => new ConfigDef().define({ name: 'name', type: 'STRING', importance: 'MEDIUM', documentation: 'The header name.' }));

function jsonConverterDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'converter.type', type: 'STRING', validator: ValidString.in('key', 'value', 'header'), importance: 'LOW', documentation: 'How this converter will be used.' })
    .define({ name: 'schemas.enable', type: 'BOOLEAN', defaultValue: true, importance: 'HIGH', documentation: 'Include schemas within each of the serialized values and keys.', group: 'Schemas', orderInGroup: 0, width: 'MEDIUM', displayName: 'Enable Schemas' })
    .define({ name: 'schemas.cache.size', type: 'INT', defaultValue: 1000, validator: Range.atLeast(0), importance: 'HIGH', documentation: 'The maximum number of schemas that can be cached in this converter instance.', group: 'Schemas', orderInGroup: 1, width: 'MEDIUM', displayName: 'Schema Cache Size' });
}

export const jsonConverter: OtherPluginDescriptor = { className: JSON_CONVERTER, type: 'converter', version: '3.9.0', configDef: jsonConverterDef, create: () => ({}) };
export const jsonHeaderConverter: OtherPluginDescriptor = { ...jsonConverter, type: 'header_converter' };
export const stringConverter: OtherPluginDescriptor = { className: STRING_CONVERTER, type: 'converter', version: '3.9.0', configDef: () => new ConfigDef(), create: () => ({}) };

/** A connector whose instances behave as the options say. */
export function fakeConnector(className: string, type: 'sink' | 'source', options: Partial<Connector> & { taskCount?: (maxTasks: number) => number } = {}): ConnectorDescriptor {
  const create = (): Connector => {
    let props: Record<string, string> = {};
    return {
      version: () => '1.0',
      config: () => new ConfigDef(),
      start: (p) => {
        props = p;
      },
      taskClass: () => `${className}Task`,
      taskConfigs: (maxTasks) => Array.from({ length: options.taskCount ? options.taskCount(maxTasks) : maxTasks }, (_, i) => ({ ...props, 'task.index': String(i) })),
      stop: () => undefined,
      ...options,
    };
  };
  return { className, type, version: '1.0', configDef: () => create().config(), create };
}

export function valueNamed(values: ConfigValue[], name: string): ConfigValue | undefined {
  return values.find((v) => v.name === name);
}

/** The built-in connectors alone: the fakes above use Kafka's class names, which the full default
 *  registry already holds (real transforms and converters). */
export function builtinConnectorsRegistry(): PluginRegistry {
  return registerBuiltinConnectors(new PluginRegistry());
}
