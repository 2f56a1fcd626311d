/**
 * Secrets Manager as a port, shared by everything that reads a secret at run time (Kafka credentials,
 * the basic-auth users): an adapter over the AWS SDK for Lambda, an in-memory stand-in for tests and
 * standalone mode. The config providers' `SecretStorePort` has the same shape.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConnectError } from '#lib/errors';

export interface SecretsReader {
  /** The secret's current `SecretString`; undefined when there is no such secret. */
  getSecretString(secretId: string): Promise<string | undefined>;
}

/** How a failed read becomes an error of the caller's kind (default: a ConnectError). */
export type SecretReadError = (message: string, options: { retriable: boolean; cause: unknown }) => Error;

const connectError: SecretReadError = (message, options) => new ConnectError(options.retriable ? 'RETRIABLE' : 'INTERNAL', message, options);

/**
 * GetSecretValue of the current version. A missing secret is `undefined`; throttling, 5xx and network
 * failures are retriable errors, anything else (access denied, KMS) is not.
 */
export function createSecretsManagerReader(client: SecretsManagerClient, toError: SecretReadError = connectError): SecretsReader {
  return {
    async getSecretString(secretId) {
      try {
        return (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
      } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        if (name === 'ResourceNotFoundException') return undefined;
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const retriable = status === undefined || status >= 500 || name === 'ThrottlingException' || name === 'InternalServiceError';
        throw toError(`Reading secret ${secretId} from Secrets Manager failed: ${(error as Error).message ?? name}`, { retriable, cause: error });
      }
    },
  };
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
