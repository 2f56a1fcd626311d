/**
 * Building a `ConfigKey` from a definition, as Kafka's ConfigKey constructor does: the default is
 * parsed like a supplied value and checked by the key's validator, so a bad default fails at
 * definition time rather than at first use.
 */
import { NO_DEFAULT, type ConfigKey, type ConfigKeyDefinition, type ConfigValueType, type NoDefault } from './config-types';
import { parseType } from './parse-type';

export function createConfigKey(definition: ConfigKeyDefinition): ConfigKey {
  const { name, type } = definition;
  const defaultValue: ConfigValueType | NoDefault =
    definition.defaultValue === undefined || definition.defaultValue === NO_DEFAULT
      ? NO_DEFAULT
      : parseType(name, definition.defaultValue, type);
  const validator = definition.validator ?? null;
  if (validator && defaultValue !== NO_DEFAULT) validator.ensureValid(name, defaultValue);
  return {
    name,
    type,
    defaultValue,
    validator,
    importance: definition.importance,
    documentation: definition.documentation ?? null,
    group: definition.group ?? null,
    orderInGroup: definition.orderInGroup ?? -1,
    width: definition.width ?? 'NONE',
    displayName: definition.displayName ?? name,
    dependents: [...(definition.dependents ?? [])],
    recommender: definition.recommender ?? null,
    internalConfig: definition.internalConfig ?? false,
    alternativeString: definition.alternativeString ?? null,
  };
}
