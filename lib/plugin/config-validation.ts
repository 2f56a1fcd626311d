/**
 * Kafka's `ConfigDef.validateAll`, step by step. Keys are visited from those that are nobody's
 * dependent, then down their dependents (a key with two parents is visited twice, as in Kafka).
 * Parsing never stops at the first error: a parse error leaves the value null and the validator
 * still runs, so `tasks.max=abc` reports both "Not a number of type INT" and "Value must be non-null".
 */
import { ConfigException, missingRequiredMessage } from './config-exception';
import { NO_DEFAULT, newConfigValue, type ConfigKey, type ConfigValue, type ParseOptions } from './config-types';
import { parseType } from './parse-type';

export type Props = Readonly<Record<string, string | null | undefined>>;

export function validateAll(keys: ReadonlyMap<string, ConfigKey>, props: Props, options: ParseOptions): Map<string, ConfigValue> {
  const values = new Map<string, ConfigValue>();
  for (const name of keys.keys()) values.set(name, newConfigValue(name));
  for (const undefinedKey of undefinedDependents(keys)) {
    const value = newConfigValue(undefinedKey);
    value.errorMessages.push(`${undefinedKey} is referred in the dependents, but not defined.`);
    value.visible = false;
    values.set(undefinedKey, value);
  }
  const parsed: Record<string, unknown> = {};
  const roots = configsWithNoParent(keys);
  for (const name of roots) parseForValidate(keys, name, props, parsed, values, options);
  for (const name of roots) recommend(keys, name, parsed, values);
  return values;
}

/** Names used as dependents but never defined, in first-mention order. */
export function undefinedDependents(keys: ReadonlyMap<string, ConfigKey>): string[] {
  const missing = new Set<string>();
  for (const key of keys.values()) for (const dependent of key.dependents) if (!keys.has(dependent)) missing.add(dependent);
  return [...missing];
}

function configsWithNoParent(keys: ReadonlyMap<string, ConfigKey>): string[] {
  const withParent = new Set<string>();
  for (const key of keys.values()) for (const dependent of key.dependents) withParent.add(dependent);
  return [...keys.keys()].filter((name) => !withParent.has(name));
}

function parseForValidate(keys: ReadonlyMap<string, ConfigKey>, name: string, props: Props, parsed: Record<string, unknown>, values: Map<string, ConfigValue>, options: ParseOptions): void {
  const key = keys.get(name);
  const config = values.get(name);
  if (!key || !config) return;
  let value: unknown = null;
  if (Object.hasOwn(props, name)) {
    try {
      value = parseType(name, props[name], key.type, options);
    } catch (err) {
      config.errorMessages.push(configErrorMessage(err));
    }
  } else if (key.defaultValue === NO_DEFAULT) {
    config.errorMessages.push(missingRequiredMessage(name));
  } else {
    value = key.defaultValue;
  }
  if (key.validator) {
    try {
      key.validator.ensureValid(name, value);
    } catch (err) {
      config.errorMessages.push(configErrorMessage(err));
    }
  }
  config.value = value;
  parsed[name] = value;
  for (const dependent of key.dependents) parseForValidate(keys, dependent, props, parsed, values, options);
}

function recommend(keys: ReadonlyMap<string, ConfigKey>, name: string, parsed: Record<string, unknown>, values: Map<string, ConfigValue>): void {
  const key = keys.get(name);
  const value = values.get(name);
  if (!key || !value) return;
  if (key.recommender) {
    try {
      let recommended = key.recommender.validValues(name, parsed);
      const original = value.recommendedValues;
      if (original.length > 0) recommended = recommended.filter((v) => original.includes(v));
      value.recommendedValues = recommended;
      value.visible = key.recommender.visible(name, parsed);
    } catch (err) {
      value.errorMessages.push(configErrorMessage(err));
    }
  }
  for (const dependent of key.dependents) recommend(keys, dependent, parsed, values);
}

/** Only ConfigExceptions become per-key errors; anything else is a failure of validation itself. */
function configErrorMessage(err: unknown): string {
  if (err instanceof ConfigException) return err.message;
  throw err;
}
