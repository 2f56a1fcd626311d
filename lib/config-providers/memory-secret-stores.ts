/** In-memory stand-ins for Secrets Manager and Parameter Store (tests, standalone mode). */
import { createMemorySecretsReader } from '#lib/aws/secrets-reader';
import type { ParameterStorePort, SecretStorePort } from './ports';

export interface MemorySecretStore extends SecretStorePort {
  /** Secret ids in the order they were read. */
  readonly reads: string[];
}

export function createMemorySecretStore(secrets: Readonly<Record<string, string>>): MemorySecretStore {
  return createMemorySecretsReader(secrets);
}

export interface MemoryParameterStore extends ParameterStorePort {
  /** The name lists of every read, in order. */
  readonly reads: (readonly string[])[];
}

export function createMemoryParameterStore(parameters: Readonly<Record<string, string>>): MemoryParameterStore {
  const reads: (readonly string[])[] = [];
  return {
    reads,
    async getParameters(names) {
      reads.push([...names]);
      return new Map(names.filter((name) => Object.hasOwn(parameters, name)).map((name) => [name, parameters[name] ?? '']));
    },
  };
}
