/**
 * Where the basic-auth secret is read from, as a port: an adapter over Secrets Manager on AWS
 * (`secrets-manager-reader.ts`), an in-memory stand-in for tests and standalone mode.
 */
export interface SecretsReader {
  /** The secret's current `SecretString`; undefined when there is no such secret. */
  getSecretString(secretId: string): Promise<string | undefined>;
}

export function createMemorySecretsReader(secrets: Record<string, string>): SecretsReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async getSecretString(secretId) {
      reads.push(secretId);
      return Object.hasOwn(secrets, secretId) ? secrets[secretId] : undefined;
    },
  };
}
