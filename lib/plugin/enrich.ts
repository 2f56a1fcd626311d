/**
 * Kafka's `ConnectorConfig.enrich`: for every alias in `transforms` / `predicates`, a required
 * `<prefix>.<alias>.type` key (grouped `Transforms: <alias>`) and, when that class is an installed
 * plugin of the right kind, its own keys embedded under the alias prefix. Transformations also get
 * the implicit `predicate` and `negate` keys, which mask keys of the same name from the plugin.
 */
import { ConfigDef } from './config-def';
import { ConfigException } from './config-exception';
import { NO_DEFAULT, type Recommender } from './config-types';
import type { Props } from './config-validation';
import { PREDICATES_CONFIG, PREDICATES_GROUP, TRANSFORMS_CONFIG, TRANSFORMS_GROUP } from './connector-config';
import { parseType } from './parse-type';
import { ensurePluginOfType, PLUGIN_INTERFACES } from './plugin-class-validators';
import type { PluginRegistry } from './plugin-registry';
import type { OtherPluginType } from './types';
import { LambdaValidator } from './validators';

export const PREDICATE_CONFIG = 'predicate';
export const NEGATE_CONFIG = 'negate';

interface Enrichable {
  type: Extract<OtherPluginType, 'transformation' | 'predicate'>;
  aliasConfig: string;
  aliasGroup: string;
  /** Extra checks run by the `.type` validator before the class itself is checked. */
  validateProps(prefix: string): void;
  initialConfigDef(): ConfigDef;
}

/**
 * With `requireFullConfig` false (validation), an alias whose class is missing or of the wrong kind
 * only gets its `.type` key, whose validation then reports the problem; with true, that throws.
 */
export function enrich(registry: PluginRegistry, base: ConfigDef, props: Props, requireFullConfig: boolean): ConfigDef {
  const enriched = new ConfigDef(base);
  enrichWith(registry, enriched, props, requireFullConfig, {
    type: 'transformation',
    aliasConfig: TRANSFORMS_CONFIG,
    aliasGroup: TRANSFORMS_GROUP,
    validateProps(prefix) {
      const negate = prefix + NEGATE_CONFIG;
      const predicate = prefix + PREDICATE_CONFIG;
      if (Object.hasOwn(props, negate) && !Object.hasOwn(props, predicate)) {
        throw new ConfigException(`Config '${negate}' was provided but there is no config '${predicate}' defining a predicate to be negated.`);
      }
    },
    initialConfigDef: () =>
      new ConfigDef()
        .define({ name: PREDICATE_CONFIG, type: 'STRING', defaultValue: null, importance: 'MEDIUM', documentation: 'The alias of a predicate used to determine whether to apply this transformation.' })
        .define({ name: NEGATE_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', documentation: 'Whether the configured predicate should be negated.' }),
  });
  enrichWith(registry, enriched, props, requireFullConfig, {
    type: 'predicate',
    aliasConfig: PREDICATES_CONFIG,
    aliasGroup: PREDICATES_GROUP,
    validateProps: () => undefined,
    initialConfigDef: () => new ConfigDef(),
  });
  return enriched;
}

function enrichWith(registry: PluginRegistry, target: ConfigDef, props: Props, requireFullConfig: boolean, plugin: Enrichable): void {
  const aliases = parseType(plugin.aliasConfig, props[plugin.aliasConfig], 'LIST');
  if (!Array.isArray(aliases)) return;
  const kind = PLUGIN_INTERFACES[plugin.type].simpleName;
  for (const alias of new Set(aliases)) {
    const prefix = `${plugin.aliasConfig}.${alias}.`;
    const group = `${plugin.aliasGroup}: ${alias}`;
    const typeConfig = `${prefix}type`;
    target.define({
      name: typeConfig,
      type: 'CLASS',
      defaultValue: NO_DEFAULT,
      validator: LambdaValidator.with(
        (_name, value) => {
          plugin.validateProps(prefix);
          // Null means the class could not be found, which parsing already reported.
          if (typeof value === 'string') pluginConfigDef(registry, plugin.type, typeConfig, value);
        },
        () => `valid configs for ${alias} ${kind.toLowerCase()}`,
      ),
      importance: 'HIGH',
      documentation: `Class for the '${alias}' ${kind.toLowerCase()}.`,
      group,
      orderInGroup: 0,
      width: 'LONG',
      displayName: `${kind} type for ${alias}`,
      dependents: [],
      recommender: classRecommender(registry, plugin.type),
    });
    const child = populateConfigDef(registry, props, typeConfig, requireFullConfig, plugin);
    if (child) target.embed(prefix, group, 1, child);
  }
}

function populateConfigDef(registry: PluginRegistry, props: Props, typeConfig: string, requireFullConfig: boolean, plugin: Enrichable): ConfigDef | null {
  const configDef = plugin.initialConfigDef();
  try {
    const className = parseType(typeConfig, props[typeConfig], 'CLASS', { resolveClass: (name) => registry.resolveClass(name) });
    const implicit = new Set(configDef.names());
    for (const key of pluginConfigDef(registry, plugin.type, typeConfig, className).configKeys().values()) {
      if (!implicit.has(key.name)) configDef.define(key);
    }
  } catch (err) {
    if (requireFullConfig || !(err instanceof ConfigException)) throw err;
    return null;
  }
  return configDef;
}

/** The ConfigDef of the class named by `key`, checked to be a plugin of the given type (Kafka's wording). */
function pluginConfigDef(registry: PluginRegistry, type: Enrichable['type'], key: string, className: unknown): ConfigDef {
  const kind = PLUGIN_INTERFACES[type].simpleName;
  if (typeof className !== 'string') throw new ConfigException(key, null, `Not a ${kind}`);
  ensurePluginOfType(registry, type, className);
  try {
    return registry.findOfType(className, type)?.configDef() ?? new ConfigDef();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ConfigException(key, `class ${className}`, `Error getting config definition from ${kind}: ${reason}`);
  }
}

/** Recommends every installed plugin of the type (Kafka's ClassRecommender). */
function classRecommender(registry: PluginRegistry, type: OtherPluginType): Recommender {
  return {
    validValues: () => registry.descriptors(type).map((d) => d.className),
    visible: () => true,
  };
}
