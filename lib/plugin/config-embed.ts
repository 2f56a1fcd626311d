/**
 * How `ConfigDef.embed` re-homes a child's key under a prefix. The child's validator and recommender
 * keep seeing unprefixed names, so their messages name the child's own key (as in Kafka).
 */
import type { ConfigKey, ConfigKeyDefinition, Recommender, Validator } from './config-types';

export function embeddedKey(keyPrefix: string, groupPrefix: string, orderInGroup: number, key: ConfigKey): ConfigKeyDefinition {
  return {
    ...key,
    name: keyPrefix + key.name,
    group: groupPrefix + (key.group === null ? '' : `: ${key.group}`),
    orderInGroup,
    validator: key.validator && embeddedValidator(keyPrefix, key.validator),
    dependents: key.dependents.map((dependent) => keyPrefix + dependent),
    recommender: key.recommender && embeddedRecommender(keyPrefix, key.recommender),
  };
}

function embeddedValidator(keyPrefix: string, base: Validator): Validator {
  return {
    ensureValid: (name, value) => base.ensureValid(name.slice(keyPrefix.length), value),
    toString: () => base.toString(),
  };
}

function embeddedRecommender(keyPrefix: string, base: Recommender): Recommender {
  const unprefixed = (parsed: Readonly<Record<string, unknown>>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(parsed).filter(([k]) => k.startsWith(keyPrefix)).map(([k, v]) => [k.slice(keyPrefix.length), v]));
  return {
    validValues: (name, parsed) => base.validValues(name.slice(keyPrefix.length), unprefixed(parsed)),
    visible: (name, parsed) => base.visible(name.slice(keyPrefix.length), unprefixed(parsed)),
  };
}
