import { describe, expect, it } from 'vitest';
import { createMemoryParameterStore, createMemorySecretStore } from '#lib/config-providers/memory-secret-stores';
import { createSecretsManagerConfigProvider } from '#lib/config-providers/secrets-manager-config-provider';
import { createSsmConfigProvider } from '#lib/config-providers/ssm-config-provider';

const secrets = createMemorySecretStore({ 'prod/db': '{"username":"app","password":"pw","port":5432}', 'api-token': 'T0KEN-VALUE' });
const parameters = createMemoryParameterStore({ '/db/password': 'ssm-pw' });

describe('secretsmanager config provider', () => {
  const provider = createSecretsManagerConfigProvider(() => secrets);

  it('returns keys of a JSON secret, numbers as their JSON text', async () => {
    const data = await provider.get('prod/db', new Set(['password', 'port', 'absent']));

    expect(Object.fromEntries(data)).toEqual({ password: 'pw', port: '5432' });
  });

  it('returns the whole secret string for a reference without a path', async () => {
    expect(Object.fromEntries(await provider.get('', new Set(['api-token'])))).toEqual({ 'api-token': 'T0KEN-VALUE' });
  });

  it('fails for a secret that does not exist', async () => {
    await expect(provider.get('nope', new Set(['k']))).rejects.toThrow('Secret nope not found in Secrets Manager');
  });

  it('fails for a key of a secret that is not a JSON object, without quoting it', async () => {
    const error = await provider.get('api-token', new Set(['k'])).then(() => new Error('resolved'), (err: unknown) => err as Error);

    expect(error.message).toMatch(/^Secret api-token is not a JSON object/);
    expect(error.message).not.toContain('T0KEN-VALUE');
  });
});

describe('ssm config provider', () => {
  const provider = createSsmConfigProvider(() => parameters);

  it('returns the parameters that exist, read in one call', async () => {
    const data = await provider.get('', new Set(['/db/password', '/db/absent']));

    expect(Object.fromEntries(data)).toEqual({ '/db/password': 'ssm-pw' });
    expect(parameters.reads.at(-1)).toEqual(['/db/password', '/db/absent']);
  });

  it('rejects a path', async () => {
    await expect(provider.get('x', new Set(['/p']))).rejects.toThrow("Path is not supported for the ssm config provider, invalid value 'x'");
  });
});
