/**
 * The worker's providers, as Kafka's `config.providers=env,file,...` registers them: by default all
 * four. The AWS stores are created on first use, so a function whose connectors reference no
 * secret never builds an SDK client (nor needs the IAM permission).
 */
import { createConfigTransformer } from './config-transformer';
import { createEnvConfigProvider } from './env-config-provider';
import { createFileConfigProvider } from './file-config-provider';
import type { ParameterStorePort, SecretStorePort } from './ports';
import { createSecretsManagerConfigProvider } from './secrets-manager-config-provider';
import { createSsmConfigProvider } from './ssm-config-provider';
import type { ConfigProvider, ConfigResolver } from './types';

export const PROVIDER_NAMES = ['env', 'file', 'secretsmanager', 'ssm'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export interface ConfigProvidersOptions {
  /** Kafka's `config.providers`; default: all of PROVIDER_NAMES. */
  enabled?: readonly ProviderName[];
  /** The env provider's environment; default: this process's. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Kafka's `config.providers.env.param.allowlist.pattern`. */
  envAllowlistPattern?: string;
  readFile?: (path: string) => Promise<string>;
  /** Builds the Secrets Manager store, once, when a reference first needs it. */
  secrets: () => SecretStorePort;
  /** Builds the Parameter Store store, once, when a reference first needs it. */
  parameters: () => ParameterStorePort;
}

export function createConfigProviders(options: ConfigProvidersOptions): ConfigResolver {
  const all: Record<ProviderName, () => ConfigProvider> = {
    env: () => createEnvConfigProvider({ env: options.env ?? process.env, ...(options.envAllowlistPattern === undefined ? {} : { allowlistPattern: options.envAllowlistPattern }) }),
    file: () => createFileConfigProvider(options.readFile ? { read: options.readFile } : {}),
    secretsmanager: () => createSecretsManagerConfigProvider(once(options.secrets)),
    ssm: () => createSsmConfigProvider(once(options.parameters)),
  };
  const enabled = options.enabled ?? PROVIDER_NAMES;
  return createConfigTransformer(new Map(enabled.map((name) => [name, all[name]()])));
}

/** Kafka's `config.providers` value as provider names; throws on a name it does not know. */
export function parseProviderNames(value: string): ProviderName[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!(PROVIDER_NAMES as readonly string[]).includes(name)) {
      throw new Error(`Unknown config provider '${name}' in config.providers (known: ${PROVIDER_NAMES.join(', ')})`);
    }
  }
  return names as ProviderName[];
}

function once<T>(create: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: create() }).value;
}
