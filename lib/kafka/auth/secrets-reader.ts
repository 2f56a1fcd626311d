/**
 * The secret store Kafka credentials come from, as a port: an adapter over Secrets Manager for
 * Lambda, an in-memory stand-in for tests. Structurally the same as the config providers' secret
 * store, so one adapter can serve both.
 */
export interface SecretsReader {
  /** The secret's current `SecretString`; undefined when there is no such secret. */
  getSecretString(secretId: string): Promise<string | undefined>;
}

export function createMemorySecretsReader(secrets: Readonly<Record<string, string>>): SecretsReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async getSecretString(secretId) {
      reads.push(secretId);
      return Object.hasOwn(secrets, secretId) ? secrets[secretId] : undefined;
    },
  };
}
