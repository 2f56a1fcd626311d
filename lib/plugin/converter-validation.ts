/**
 * Kafka 3.8+ `AbstractHerder.validateConverterConfig`: when a connector config names its own
 * key/value/header converter (and that key validated cleanly), the converter's ConfigDef is validated
 * against the `<property>.`-prefixed keys. Problems loading it are added to the converter key itself.
 */
import type { ConfigInfos } from '#lib/herder/types';
import { prefixedConfigInfos } from './config-infos';
import type { ConfigValue } from './config-types';
import type { Props } from './config-validation';
import { javaHashMapOrder } from './java-hash-order';
import type { PluginRegistry } from './plugin-registry';

export interface ConverterSlot {
  /** `key.converter`, `value.converter` or `header.converter`. */
  property: string;
  type: 'converter' | 'header_converter';
  /** How Kafka names it in messages, e.g. `key converter`. */
  pluginName: string;
  /** The `converter.type` the framework passes (`key`, `value`, `header`). */
  converterType: string;
}

export const CONVERTER_SLOTS = {
  header: { property: 'header.converter', type: 'header_converter', pluginName: 'header converter', converterType: 'header' },
  key: { property: 'key.converter', type: 'converter', pluginName: 'key converter', converterType: 'key' },
  value: { property: 'value.converter', type: 'converter', pluginName: 'value converter', converterType: 'value' },
} as const satisfies Record<string, ConverterSlot>;

export function validateConverterConfig(registry: PluginRegistry, props: Props, slotValue: ConfigValue | undefined, slot: ConverterSlot): ConfigInfos | null {
  const pluginClass = props[slot.property];
  if (pluginClass === null || pluginClass === undefined || !slotValue || slotValue.errorMessages.length > 0) return null;
  const fail = (what: string, err: unknown): null => {
    const message = err instanceof Error ? err.message : String(err);
    slotValue.errorMessages.push(`${what}${message ? `: ${message}` : ''}`);
    return null;
  };
  const descriptor = registry.findOfType(pluginClass, slot.type);
  if (!descriptor) return fail(`Failed to load class ${pluginClass}`, pluginClass);
  try {
    descriptor.create();
  } catch (err) {
    return fail(`Failed to load class ${pluginClass}`, err);
  }
  let configDef;
  try {
    configDef = descriptor.configDef();
  } catch (err) {
    return fail(`Failed to load ConfigDef from ${slot.pluginName}`, err);
  }
  const prefix = `${slot.property}.`;
  const pluginConfig: Record<string, string | null | undefined> = {};
  for (const [key, value] of Object.entries(props)) if (key.startsWith(prefix)) pluginConfig[key.slice(prefix.length)] = value;
  if (!Object.hasOwn(pluginConfig, 'converter.type')) pluginConfig['converter.type'] = slot.converterType;
  let values;
  try {
    values = configDef.validateAll(pluginConfig, { resolveClass: (name) => registry.resolveClass(name) });
  } catch (err) {
    return fail(`Failed to perform config validation for ${slot.pluginName}`, err);
  }
  return prefixedConfigInfos(configDef.configKeys(), inHashMapOrder(values), prefix);
}

/** Kafka's `ConfigDef.validate` lists results in HashMap order. */
export function inHashMapOrder(values: ReadonlyMap<string, ConfigValue>): ConfigValue[] {
  return javaHashMapOrder([...values.keys()]).flatMap((name) => values.get(name) ?? []);
}
