/**
 * SecretsReader over AWS Secrets Manager (GetSecretValue, the current version). A missing secret is
 * `undefined`; throttling, 5xx and network failures are retriable ConnectErrors, anything else
 * (access denied, KMS) is not.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConnectError } from '#lib/errors';
import type { SecretsReader } from './secrets-reader';

export function createSecretsManagerReader(client: SecretsManagerClient): SecretsReader {
  return {
    async getSecretString(secretId) {
      try {
        return (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
      } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        if (name === 'ResourceNotFoundException') return undefined;
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const retriable = status === undefined || status >= 500 || name === 'ThrottlingException';
        throw new ConnectError(retriable ? 'RETRIABLE' : 'INTERNAL', `Reading secret ${secretId} from Secrets Manager failed: ${(error as Error).message ?? name}`, { retriable, cause: error });
      }
    },
  };
}
