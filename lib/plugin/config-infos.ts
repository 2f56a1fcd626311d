/**
 * Assembling the `/config/validate` body as Kafka's AbstractHerder does (`generateResult`,
 * `prefixedConfigInfos`, `mergeConfigInfos`). Errors of framework and connector keys count per
 * message; errors of prefixed entries (client overrides, converters) count per entry.
 */
import type { ConfigInfos, ConfigKeyInfo, ConfigValueInfo } from '#lib/herder/types';
import { toConfigKeyInfo, toConfigValueInfo } from './config-key-info';
import type { ConfigKey, ConfigValue } from './config-types';

type ConfigInfo = ConfigInfos['configs'][number];

/**
 * Values without a key definition come first (definition null), in the order given; then every
 * defined key in definition order with its value (the last value given for a name wins).
 */
export function generateResult(connType: string, keys: ReadonlyMap<string, ConfigKey>, values: readonly ConfigValue[], groups: readonly string[]): ConfigInfos {
  let errorCount = 0;
  const configs: ConfigInfo[] = [];
  const byName = new Map<string, ConfigValue>();
  for (const value of values) {
    byName.set(value.name, value);
    if (!keys.has(value.name)) {
      configs.push({ definition: null, value: toConfigValueInfo(value, null) });
      errorCount += value.errorMessages.length;
    }
  }
  for (const [name, key] of keys) {
    const value = byName.get(name);
    if (value) errorCount += value.errorMessages.length;
    configs.push({ definition: toConfigKeyInfo(key), value: value ? toConfigValueInfo(value, key.type) : emptyValue(name) });
  }
  return { name: connType, error_count: errorCount, groups: [...groups], configs };
}

/** Entries for a prefixed sub-config (e.g. `key.converter.` + the converter's keys). */
export function prefixedConfigInfos(keys: ReadonlyMap<string, ConfigKey>, values: readonly ConfigValue[], prefix: string): ConfigInfos {
  let errorCount = 0;
  const groups = new Set<string>();
  const configs: ConfigInfo[] = [];
  for (const value of values) {
    const key = keys.get(value.name);
    let definition: ConfigKeyInfo | null = null;
    if (key) {
      if (key.group !== null) groups.add(key.group);
      definition = toConfigKeyInfo(key, prefix);
    }
    if (value.errorMessages.length > 0) errorCount++;
    configs.push({ definition, value: toConfigValueInfo({ ...value, name: prefix + value.name }, key ? key.type : null) });
  }
  return { name: '', error_count: errorCount, groups: [...groups], configs };
}

/** Concatenates the parts in order; groups are their ordered union. */
export function mergeConfigInfos(connType: string, ...parts: (ConfigInfos | null)[]): ConfigInfos {
  let errorCount = 0;
  const groups = new Set<string>();
  const configs: ConfigInfo[] = [];
  for (const part of parts) {
    if (!part) continue;
    errorCount += part.error_count;
    configs.push(...part.configs);
    for (const group of part.groups) groups.add(group);
  }
  return { name: connType, error_count: errorCount, groups: [...groups], configs };
}

/** A defined key that no validation result covered (Kafka would serialise `"value": null`). */
function emptyValue(name: string): ConfigValueInfo {
  return { name, value: null, recommended_values: [], errors: [], visible: true };
}
