/** Secrets Manager over the AWS SDK: `GetSecretValue` of the current version. */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigProviderError } from './errors';
import type { SecretStorePort } from './ports';
import { sdkErrorName, translateAwsError } from './translate-aws-error';

export function createAwsSecretStore(client: SecretsManagerClient): SecretStorePort {
  return {
    async getSecretString(secretId) {
      let secretString: string | undefined;
      try {
        ({ SecretString: secretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId })));
      } catch (err) {
        if (sdkErrorName(err) === 'ResourceNotFoundException') return undefined;
        throw translateAwsError(err, `Reading secret ${secretId} from Secrets Manager`);
      }
      if (secretString === undefined) throw new ConfigProviderError(`Secret ${secretId} has no SecretString (binary secrets are not supported)`);
      return secretString;
    },
  };
}
