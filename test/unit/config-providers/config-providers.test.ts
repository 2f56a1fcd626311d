import { describe, expect, it } from 'vitest';
import { createConfigProviders, parseProviderNames } from '#lib/config-providers/config-providers';
import { createMemoryParameterStore, createMemorySecretStore } from '#lib/config-providers/memory-secret-stores';
import type { ParameterStorePort, SecretStorePort } from '#lib/config-providers/ports';

function counted<T>(store: T) {
  const made = { count: 0 };
  return { made, create: () => (made.count++, store) };
}

describe('the worker config providers', () => {
  it('resolve env, file, secretsmanager and ssm references by default', async () => {
    const providers = createConfigProviders({
      env: { PW: 'env-pw' },
      readFile: async () => 'k=file-v',
      secrets: () => createMemorySecretStore({ s: '{"k":"sm-v"}' }),
      parameters: () => createMemoryParameterStore({ '/p': 'ssm-v' }),
    });

    const resolved = await providers.resolve({ a: '${env:PW}', b: '${file:/f:k}', c: '${secretsmanager:s:k}', d: '${ssm:/p}' });

    expect(resolved).toEqual({ a: 'env-pw', b: 'file-v', c: 'sm-v', d: 'ssm-v' });
  });

  it('build an AWS store only when a reference needs it, and then once', async () => {
    const secrets = counted<SecretStorePort>(createMemorySecretStore({ s: 'v' }));
    const parameters = counted<ParameterStorePort>(createMemoryParameterStore({}));
    const providers = createConfigProviders({ env: {}, secrets: secrets.create, parameters: parameters.create });

    await providers.resolve({ a: 'plain' });
    await providers.resolve({ a: '${secretsmanager:s}' });
    await providers.resolve({ a: '${secretsmanager:s}' });

    expect([secrets.made.count, parameters.made.count]).toEqual([1, 0]);
  });

  it('leave references of providers left out of config.providers unresolved', async () => {
    const providers = createConfigProviders({ enabled: ['file'], env: { PW: 'x' }, secrets: () => createMemorySecretStore({}), parameters: () => createMemoryParameterStore({}) });

    expect(await providers.resolve({ a: '${env:PW}' })).toEqual({ a: '${env:PW}' });
  });

  it('parse config.providers and reject an unknown provider name', () => {
    expect(parseProviderNames(' env, file ')).toEqual(['env', 'file']);
    expect(() => parseProviderNames('env,vault')).toThrow("Unknown config provider 'vault' in config.providers");
  });
});
