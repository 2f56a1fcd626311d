import { describe, expect, it } from 'vitest';
import { createConfigProviders } from '#lib/config-providers/config-providers';
import { createMemoryParameterStore, createMemorySecretStore } from '#lib/config-providers/memory-secret-stores';
import type { ConnectorPlugins, HerderDeps } from '#lib/herder/deps';
import { startConnector } from '#lib/herder/start-connector';
import type { Logger } from '#lib/logging/logger';

const quiet: Logger = { name: 'test', trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** A connector that copies its config into each task config, as the bundled ones do. */
function copyingPlugins(seen: Record<string, string>[]): ConnectorPlugins {
  return {
    async generateTaskConfigs(config) {
      seen.push(config);
      return [{ ...config, 'task.class': 'T' }];
    },
  } as Partial<ConnectorPlugins> as ConnectorPlugins;
}

function deps(seen: Record<string, string>[]): HerderDeps {
  const configResolver = createConfigProviders({ env: { PW: 'pw-secret' }, secrets: () => createMemorySecretStore({}), parameters: () => createMemoryParameterStore({}) });
  return { plugins: copyingPlugins(seen), configResolver, log: quiet } as Partial<HerderDeps> as HerderDeps;
}

describe('starting a connector with config providers', () => {
  it('gives the connector resolved values and stores task configs with the references', async () => {
    const seen: Record<string, string>[] = [];

    const outcome = await startConnector(deps(seen), { name: 'c', password: '${env:PW}' });

    expect(seen).toEqual([{ name: 'c', password: 'pw-secret' }]);
    expect(outcome.taskConfigs).toEqual([{ name: 'c', password: '${env:PW}', 'task.class': 'T' }]);
  });

  it('fails the connector when a provider fails', async () => {
    const outcome = await startConnector(deps([]), { name: 'c', password: '${secretsmanager:missing}' });

    expect([outcome.taskConfigs, outcome.failure?.message]).toEqual([[], 'Secret missing not found in Secrets Manager']);
  });
});
