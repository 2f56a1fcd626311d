/**
 * `${secretsmanager:secret-id:key}` reads key `key` of a secret whose SecretString is a JSON object
 * (the shape the console and RDS rotation write); `${secretsmanager:secret-id}` is the whole
 * SecretString. A secret that does not exist, or that is not a JSON object when a key is asked
 * for, fails; a key the object lacks stays as written, as missing keys do with every provider.
 * With Kafka's pattern the path ends at the first `:`, so secrets are named, not given by ARN.
 */
import { ConfigProviderError } from './errors';
import type { SecretStorePort } from './ports';
import type { ConfigProvider } from './types';

export function createSecretsManagerConfigProvider(store: () => SecretStorePort): ConfigProvider {
  const secretString = async (secretId: string): Promise<string> => {
    const value = await store().getSecretString(secretId);
    if (value === undefined) throw new ConfigProviderError(`Secret ${secretId} not found in Secrets Manager`);
    return value;
  };
  return {
    async get(path, keys) {
      const data = new Map<string, string>();
      if (path === '') {
        for (const secretId of keys) data.set(secretId, await secretString(secretId));
        return data;
      }
      const fields = jsonObject(path, await secretString(path));
      for (const key of keys) {
        const value = fields[key];
        if (value !== undefined && value !== null) data.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
      return data;
    },
  };
}

function jsonObject(secretId: string, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigProviderError(`Secret ${secretId} is not a JSON object, so it has no keys; reference it as \${secretsmanager:${secretId}} for its whole value`);
  }
  return parsed as Record<string, unknown>;
}
