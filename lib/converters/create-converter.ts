import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { ConfigException, missingRequiredMessage } from '#lib/plugin/config-exception';
import type { Converter, HeaderConverter } from './converter';
import { CONVERTER_TYPE_CONFIG } from './converter-config';
import { SIMPLE_HEADER_CONVERTER_CLASS } from './simple-header-converter';

type Props = Readonly<Record<string, string>>;

/** The keys under `prefix.` with the prefix stripped (Kafka's `originalsWithPrefix`). */
export function stripPrefix(props: Props, prefix: string): Record<string, string> {
  const dotted = `${prefix}.`;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) if (key.startsWith(dotted)) out[key.slice(dotted.length)] = value;
  return out;
}

/**
 * Kafka's Worker/Plugins converter set-up for a task: the connector config's `key.converter` or
 * `value.converter` with its own `key.converter.*` / `value.converter.*` settings when it names one,
 * else the worker config's class and settings (the two are not merged, as in Kafka). The converter is
 * configured before it is returned.
 */
export function createConverter(registry: PluginRegistry, slot: 'key' | 'value', connectorConfig: Props, workerConfig: Props): Converter {
  const property = `${slot}.converter`;
  const source = connectorConfig[property] !== undefined ? connectorConfig : workerConfig;
  const className = source[property];
  if (className === undefined) throw new ConfigException(missingRequiredMessage(property));
  const converter = instantiate<Converter>(registry, className, 'converter');
  converter.configure({ ...stripPrefix(source, property), [CONVERTER_TYPE_CONFIG]: slot }, slot === 'key');
  return converter;
}

/** The same for `header.converter`, whose worker default is SimpleHeaderConverter; configured with `converter.type=header`. */
export function createHeaderConverter(registry: PluginRegistry, connectorConfig: Props, workerConfig: Props): HeaderConverter {
  const property = 'header.converter';
  const source = connectorConfig[property] !== undefined ? connectorConfig : workerConfig;
  const className = source[property] ?? SIMPLE_HEADER_CONVERTER_CLASS;
  const converter = instantiate<HeaderConverter>(registry, className, 'header_converter');
  converter.configure({ ...stripPrefix(source, property), [CONVERTER_TYPE_CONFIG]: 'header' });
  return converter;
}

function instantiate<T>(registry: PluginRegistry, className: string, type: 'converter' | 'header_converter'): T {
  const descriptor = registry.findOfType(className, type);
  if (descriptor === undefined) {
    const kind = type === 'converter' ? 'Converter' : 'HeaderConverter';
    throw new ConfigException(`Failed to find any class that implements ${kind} and which name matches ${className}`);
  }
  return descriptor.create() as T;
}
