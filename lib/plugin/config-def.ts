/**
 * Kafka's `org.apache.kafka.common.config.ConfigDef`: a plugin's config keys declared once, as data,
 * driving defaults, parsing, validation, `/connector-plugins/{p}/config` and `/config/validate`.
 * Keys keep their definition order; groups keep the order in which keys first named them.
 */
import { ConfigException, missingRequiredMessage } from './config-exception';
import { createConfigKey } from './config-key';
import { embeddedKey } from './config-embed';
import { IMPORTANCE_ORDER, NO_DEFAULT, hasDefault, type ConfigKey, type ConfigKeyDefinition, type ConfigValue, type ConfigValueType, type ParseOptions } from './config-types';
import { undefinedDependents, validateAll, type Props } from './config-validation';
import { parseType } from './parse-type';

export class ConfigDef {
  readonly #keys = new Map<string, ConfigKey>();
  readonly #groups: string[] = [];

  /** An empty definition, or a copy of `base` that can be extended without changing it. */
  constructor(base?: ConfigDef) {
    if (base) {
      for (const [name, key] of base.#keys) this.#keys.set(name, key);
      this.#groups.push(...base.#groups);
    }
  }

  /** Adds a key; `Configuration X is defined twice.` if the name is taken. */
  define(definition: ConfigKeyDefinition): this {
    if (this.#keys.has(definition.name)) throw new ConfigException(`Configuration ${definition.name} is defined twice.`);
    const key = createConfigKey(definition);
    if (key.group !== null && !this.#groups.includes(key.group)) this.#groups.push(key.group);
    this.#keys.set(key.name, key);
    return this;
  }

  names(): string[] {
    return [...this.#keys.keys()];
  }

  configKeys(): ReadonlyMap<string, ConfigKey> {
    return this.#keys;
  }

  groups(): readonly string[] {
    return this.#groups;
  }

  defaultValues(): Record<string, ConfigValueType> {
    const defaults: Record<string, ConfigValueType> = {};
    for (const key of this.#keys.values()) if (key.defaultValue !== NO_DEFAULT) defaults[key.name] = key.defaultValue;
    return defaults;
  }

  /** Parses and validates every key; throws the first ConfigException (Kafka's `parse`). */
  parse(props: Props, options: ParseOptions = {}): Record<string, ConfigValueType> {
    const undefinedKeys = undefinedDependents(this.#keys);
    if (undefinedKeys.length > 0) {
      throw new ConfigException(`Some configurations in are referred in the dependents, but not defined: ${undefinedKeys.join(',')}`);
    }
    const values: Record<string, ConfigValueType> = {};
    for (const key of this.#keys.values()) values[key.name] = parseValue(key, props, options);
    return values;
  }

  /** Per-key results in definition order, then undefined dependents (Kafka's `validate`). */
  validate(props: Props, options: ParseOptions = {}): ConfigValue[] {
    return [...validateAll(this.#keys, props, options).values()];
  }

  /** The same results by name, in definition order (Kafka's `validateAll`). */
  validateAll(props: Props, options: ParseOptions = {}): Map<string, ConfigValue> {
    return validateAll(this.#keys, props, options);
  }

  /** Adds `child`'s keys under `keyPrefix`, grouped as `groupPrefix[: childGroup]`, ordered from `startingOrd`. */
  embed(keyPrefix: string, groupPrefix: string, startingOrd: number, child: ConfigDef): this {
    let order = startingOrd;
    for (const key of child.sortedConfigs()) this.define(embeddedKey(keyPrefix, groupPrefix, order++, key));
    return this;
  }

  /** Keys by group order, order in group, required first, importance, then name (Kafka's docs order). */
  sortedConfigs(): ConfigKey[] {
    const groupOrd = new Map(this.#groups.map((group, i) => [group, i]));
    return [...this.#keys.values()].sort((a, b) => compareKeys(a, b, groupOrd));
  }
}

function parseValue(key: ConfigKey, props: Props, options: ParseOptions): ConfigValueType {
  let value: ConfigValueType;
  if (Object.hasOwn(props, key.name)) value = parseType(key.name, props[key.name], key.type, options);
  else if (key.defaultValue === NO_DEFAULT) throw new ConfigException(missingRequiredMessage(key.name));
  else value = key.defaultValue;
  key.validator?.ensureValid(key.name, value);
  return value;
}

function compareKeys(a: ConfigKey, b: ConfigKey, groupOrd: ReadonlyMap<string, number>): number {
  const byGroup = a.group === null ? (b.group === null ? 0 : -1) : b.group === null ? 1 : (groupOrd.get(a.group) ?? 0) - (groupOrd.get(b.group) ?? 0);
  if (byGroup !== 0) return byGroup;
  if (a.orderInGroup !== b.orderInGroup) return a.orderInGroup - b.orderInGroup;
  if (hasDefault(a) !== hasDefault(b)) return hasDefault(a) ? 1 : -1;
  const byImportance = IMPORTANCE_ORDER.indexOf(a.importance) - IMPORTANCE_ORDER.indexOf(b.importance);
  if (byImportance !== 0) return byImportance;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
