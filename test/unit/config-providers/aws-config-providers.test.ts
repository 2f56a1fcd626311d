import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { createAwsConfigProviders } from '#lib/config-providers/aws-config-providers';

describe('the worker settings of config providers', () => {
  it('read config.providers and the env allowlist pattern from CONNECT_* variables', () => {
    const settings = settingsFromEnv({ CONNECT_CONFIG_PROVIDERS: 'env,file', CONNECT_CONFIG_PROVIDERS_ENV_PARAM_ALLOWLIST_PATTERN: '^DB_' });

    expect(settings.configProviders).toEqual({ enabled: 'env,file', envAllowlistPattern: '^DB_' });
  });

  it('leave the AWS providers out when config.providers does not name them, so their references stay as written', async () => {
    const resolver = createAwsConfigProviders({ region: 'eu-west-1', enabled: 'env' });

    expect(await resolver.resolve({ a: '${secretsmanager:s:k}', b: '${ssm:/p}' })).toEqual({ a: '${secretsmanager:s:k}', b: '${ssm:/p}' });
  });

  it('refuse a provider name they do not know', () => {
    expect(() => createAwsConfigProviders({ region: 'eu-west-1', enabled: 'env,vault' })).toThrow("Unknown config provider 'vault'");
  });
});
