/**
 * Kafka's `AbstractHerder.convertConfigKey` / `convertConfigValue`: the REST shapes of a key
 * definition and of a validation result. `required` iff the key has no default (default_value null).
 */
import type { ConfigKeyInfo, ConfigValueInfo } from '#lib/herder/types';
import { NO_DEFAULT, type ConfigKey, type ConfigType, type ConfigValue } from './config-types';
import { convertToString } from './parse-type';

export function toConfigKeyInfo(key: ConfigKey, prefix = ''): ConfigKeyInfo {
  const required = key.defaultValue === NO_DEFAULT;
  return {
    name: prefix + key.name,
    type: key.type,
    required,
    default_value: required ? null : convertToString(key.defaultValue, key.type),
    importance: key.importance,
    documentation: key.documentation,
    group: key.group,
    width: key.width,
    display_name: key.displayName,
    dependents: [...key.dependents],
    order: key.orderInGroup,
  };
}

/** Values render with the key's type (PASSWORD → `[hidden]`); recommended values of a LIST key as strings. */
export function toConfigValueInfo(value: ConfigValue, type: ConfigType | null): ConfigValueInfo {
  const recommendedType = type === 'LIST' ? 'STRING' : type;
  return {
    name: value.name,
    value: convertToString(value.value, type),
    recommended_values: value.recommendedValues.map((v) => convertToString(v, recommendedType)).filter((v): v is string => v !== null),
    errors: [...value.errorMessages],
    visible: value.visible,
  };
}
