import { describe, expect, it } from 'vitest';
import { createConfigProviders } from '#lib/config-providers/config-providers';
import { createMemoryParameterStore, createMemorySecretStore } from '#lib/config-providers/memory-secret-stores';
import type { ConnectorPlugins, HerderDeps } from '#lib/herder/deps';
import type { ConfigInfos, RequestConfig } from '#lib/herder/types';
import { validateResolved } from '#lib/herder/validate-resolved';

/** A connector whose validation echoes every value and quotes it in an error, as a careless one might. */
function echoingPlugins(seen: RequestConfig[]): ConnectorPlugins {
  return {
    async validate(config): Promise<ConfigInfos> {
      seen.push(config);
      const configs = Object.entries(config).map(([name, value]) => ({
        definition: null,
        value: { name, value: name === 'password' ? '[hidden]' : value, recommended_values: [], errors: [`Invalid value ${value ?? ''} for ${name}`], visible: true },
      }));
      return { name: 'Echo', error_count: configs.length, groups: [], configs };
    },
  } as Partial<ConnectorPlugins> as ConnectorPlugins;
}

function depsWith(seen: RequestConfig[]): HerderDeps {
  const configResolver = createConfigProviders({ env: { DB: 'orders_db', PW: 'pw-secret' }, secrets: () => createMemorySecretStore({}), parameters: () => createMemoryParameterStore({}) });
  return { plugins: echoingPlugins(seen), configResolver } as Partial<HerderDeps> as HerderDeps;
}

describe('validation with config providers', () => {
  const config: RequestConfig = { 'connector.class': 'Echo', url: 'pg://h/${env:DB}', password: '${env:PW}', plain: 'x' };

  it('hands the connector the resolved config', async () => {
    const seen: RequestConfig[] = [];

    await validateResolved(depsWith(seen), config);

    expect(seen[0]).toEqual({ 'connector.class': 'Echo', url: 'pg://h/orders_db', password: 'pw-secret', plain: 'x' });
  });

  it('answers with the raw values and scrubs resolved values from error messages', async () => {
    const infos = await validateResolved(depsWith([]), config);

    const byName = Object.fromEntries(infos.configs.map(({ value }) => [value.name, value]));
    expect([byName.url?.value, byName.password?.value, byName.plain?.value]).toEqual(['pg://h/${env:DB}', '[hidden]', 'x']);
    expect(byName.url?.errors).toEqual(['Invalid value pg://h/${env:DB} for url']);
    expect(JSON.stringify(infos)).not.toMatch(/orders_db|pw-secret/);
  });

  it('validates a config without connector.class as written', async () => {
    const seen: RequestConfig[] = [];

    await validateResolved(depsWith(seen), { password: '${env:PW}' });

    expect(seen[0]).toEqual({ password: '${env:PW}' });
  });
});
