/**
 * Kafka's `validateClientOverrides` with the built-in override policies: every
 * `producer.override.*` / `consumer.override.*` / `admin.override.*` key becomes an entry, typed by
 * the client's ConfigDef when it knows the key (so PASSWORD values render as `[hidden]`), with the
 * policy's error when the policy forbids overriding it.
 */
import type { ConfigInfos } from '#lib/herder/types';
import { prefixedConfigInfos } from './config-infos';
import { newConfigValue, type ConfigValue } from './config-types';
import type { ConfigDef } from './config-def';
import type { Props } from './config-validation';
import { javaHashMapOrder } from './java-hash-order';
import { parseType } from './parse-type';

/** The worker's `connector.client.config.override.policy` (Kafka's default is All). */
export type ClientOverridePolicy = 'All' | 'None' | 'Principal';

const PRINCIPAL_KEYS = new Set(['sasl.jaas.config', 'sasl.mechanism', 'security.protocol']);

export function validateClientOverrides(props: Props, prefix: string, clientDef: ConfigDef, policy: ClientOverridePolicy): ConfigInfos {
  const keys = clientDef.configKeys();
  const names = javaHashMapOrder(Object.keys(props).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)));
  const values: ConfigValue[] = names.map((name) => {
    const raw = props[prefix + name] ?? null;
    const key = keys.get(name);
    const value = newConfigValue(name, key ? parseType(name, raw, key.type) : raw);
    if (!isAllowed(policy, name)) value.errorMessages.push(`The '${policy}' policy does not allow '${name}' to be overridden in the connector configuration.`);
    return value;
  });
  return prefixedConfigInfos(keys, values, prefix);
}

function isAllowed(policy: ClientOverridePolicy, name: string): boolean {
  if (policy === 'All') return true;
  if (policy === 'None') return false;
  return PRINCIPAL_KEYS.has(name);
}
