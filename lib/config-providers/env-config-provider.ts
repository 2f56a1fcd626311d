/**
 * Kafka's `EnvVarConfigProvider` (KIP-887): `${env:VAR}` reads the process environment. A path is
 * rejected with Kafka's message; `allowlist.pattern` (default `.*`, matched anywhere in the name as
 * Java's `Pattern.asPredicate` does) hides the variables it does not match, so their references stay
 * unresolved.
 */
import { javaRegex } from '#lib/plugin/java-regex';
import { ConfigProviderError } from './errors';
import type { ConfigProvider } from './types';

export interface EnvConfigProviderOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Kafka's `config.providers.env.param.allowlist.pattern`. */
  allowlistPattern?: string;
}

export function createEnvConfigProvider({ env, allowlistPattern = '.*' }: EnvConfigProviderOptions): ConfigProvider {
  const allowed = javaRegex(allowlistPattern);
  return {
    async get(path, keys) {
      if (path !== '') throw new ConfigProviderError(`Path is not supported for EnvVarConfigProvider, invalid value '${path}'`);
      const data = new Map<string, string>();
      for (const key of keys) {
        const value = env[key];
        if (value !== undefined && allowed.test(key)) data.set(key, value);
      }
      return data;
    },
  };
}
