/**
 * The worker's providers with the AWS stores behind them: Secrets Manager and SSM clients are
 * built on first use only (lib/wiring.ts calls this once per cold start).
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { createAwsParameterStore } from './aws-parameter-store';
import { createAwsSecretStore } from './aws-secret-store';
import { createConfigProviders, parseProviderNames } from './config-providers';
import type { ConfigResolver } from './types';

export interface AwsConfigProviderSettings {
  region: string;
  /** Kafka's `config.providers` list (comma-separated); default: env,file,secretsmanager,ssm. */
  enabled?: string;
  /** Kafka's `config.providers.env.param.allowlist.pattern`. */
  envAllowlistPattern?: string;
}

export function createAwsConfigProviders(settings: AwsConfigProviderSettings): ConfigResolver {
  return createConfigProviders({
    ...(settings.enabled === undefined ? {} : { enabled: parseProviderNames(settings.enabled) }),
    ...(settings.envAllowlistPattern === undefined ? {} : { envAllowlistPattern: settings.envAllowlistPattern }),
    secrets: () => createAwsSecretStore(new SecretsManagerClient({ region: settings.region })),
    parameters: () => createAwsParameterStore(new SSMClient({ region: settings.region })),
  });
}
