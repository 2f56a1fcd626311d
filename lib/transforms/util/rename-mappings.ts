/**
 * ReplaceField's `renames` list (`old:new,...`) and Kafka's `ConfigUtils.translateDeprecatedConfigs`
 * for its deprecated `whitelist` / `blacklist` aliases.
 */
import { ConfigException } from '#lib/plugin/config-exception';
import type { Validator } from '#lib/plugin/config-types';
import { javaSplit } from './java-split';

/** `Invalid value [a] for configuration renames: Invalid rename mapping: a`. */
export function parseRenameMappings(mappings: readonly string[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const mapping of mappings) {
    const parts = javaSplit(mapping, ':');
    if (parts.length !== 2) throw new ConfigException('renames', mappings, `Invalid rename mapping: ${mapping}`);
    renames.set(parts[0] as string, parts[1] as string);
  }
  return renames;
}

export function renamesValidator(): Validator {
  return {
    ensureValid(_name, value) {
      // A null (unparsable) list fails in Kafka with a NullPointerException; nothing more to report here.
      if (Array.isArray(value)) parseRenameMappings(value as string[]);
    },
    toString: () => 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>',
  };
}

/**
 * Copies props with each deprecated key translated to its replacement (`{ target: deprecated }`):
 * the deprecated value is used only when the target is absent; deprecated keys are dropped.
 */
export function translateDeprecatedKeys(props: Readonly<Record<string, string>>, aliases: Readonly<Record<string, string>>): Record<string, string> {
  const deprecated = new Set(Object.values(aliases));
  const translated: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) {
    if (!deprecated.has(key) && value !== null && value !== undefined) translated[key] = value;
  }
  for (const [target, alias] of Object.entries(aliases)) {
    if (!Object.hasOwn(props, target) && Object.hasOwn(props, alias)) translated[target] = props[alias] as string;
  }
  return translated;
}
