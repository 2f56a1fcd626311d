/**
 * SecretsReader over AWS Secrets Manager. A missing secret is `undefined`; throttling, 5xx and
 * network failures are retriable KafkaAuthErrors; anything else (access denied, KMS) is not.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { KafkaAuthError } from './errors';
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
        const retriable = status === undefined || status >= 500 || name === 'ThrottlingException' || name === 'InternalServiceError';
        throw new KafkaAuthError(`Reading secret ${secretId} from Secrets Manager failed: ${(error as Error).message ?? name}`, { retriable, cause: error });
      }
    },
  };
}
