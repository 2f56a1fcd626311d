/**
 * Kafka's `ConfigTransformer`: collects the references of every value, asks each named provider
 * once per path for the keys wanted there, and replaces what came back. A reference to a provider
 * that is not configured, or to a key the provider did not return, stays exactly as written; an
 * error a provider throws propagates (the connector or task being started then fails).
 * Provider TTLs (restarting a connector when a value expires) are not supported.
 */
import type { ConfigProvider, ConfigResolver } from './types';
import { variableOf, variablePattern, variablesIn } from './variable-pattern';

type Lookups = Map<string, Map<string, ReadonlyMap<string, string>>>;

export function createConfigTransformer(providers: ReadonlyMap<string, ConfigProvider>): ConfigResolver {
  return {
    async resolve(config) {
      const wanted = wantedKeys(config);
      const lookups: Lookups = new Map();
      for (const [name, keysByPath] of wanted) {
        const provider = providers.get(name);
        if (provider === undefined) continue;
        const byPath = new Map<string, ReadonlyMap<string, string>>();
        for (const [path, keys] of keysByPath) byPath.set(path, await provider.get(path, keys));
        lookups.set(name, byPath);
      }
      const resolved: Record<string, string> = {};
      for (const [key, value] of Object.entries(config)) resolved[key] = replace(value, lookups);
      return resolved;
    },
  };
}

/** provider → path → keys referenced anywhere in the config. */
function wantedKeys(config: Readonly<Record<string, string>>): Map<string, Map<string, Set<string>>> {
  const wanted = new Map<string, Map<string, Set<string>>>();
  for (const value of Object.values(config)) {
    for (const { provider, path, key } of variablesIn(value)) {
      let byPath = wanted.get(provider);
      if (byPath === undefined) wanted.set(provider, (byPath = new Map()));
      let keys = byPath.get(path);
      if (keys === undefined) byPath.set(path, (keys = new Set()));
      keys.add(key);
    }
  }
  return wanted;
}

function replace(value: string, lookups: Lookups): string {
  let out = '';
  let last = 0;
  for (const match of value.matchAll(variablePattern())) {
    const { provider, path, key } = variableOf(match);
    out += value.slice(last, match.index) + (lookups.get(provider)?.get(path)?.get(key) ?? match[0]);
    last = match.index + match[0].length;
  }
  return out + value.slice(last);
}
