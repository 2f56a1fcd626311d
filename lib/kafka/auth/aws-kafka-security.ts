/** The Kafka security of a deployment on AWS: secrets from Secrets Manager, the default AWS credential chain for MSK IAM. */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { KafkaAuthSettings } from './kafka-auth-settings';
import { kafkaSecurityWithoutSecrets, resolveKafkaSecurity, type KafkaSecurity } from './kafka-security';
import { createSecretsManagerReader } from '#lib/aws/secrets-reader';
import { KafkaAuthError } from './errors';

export function awsKafkaSecurity(auth: KafkaAuthSettings, region: string): Promise<KafkaSecurity> {
  return resolveKafkaSecurity(auth, {
    region,
    secrets: () => createSecretsManagerReader(new SecretsManagerClient({ region }), (message, options) => new KafkaAuthError(message, options)),
    credentials: () => defaultProvider(),
  });
}

/** For entry points that cannot wait for a secret (none and MSK IAM only). */
export function awsKafkaSecurityWithoutSecrets(auth: KafkaAuthSettings, region: string): KafkaSecurity {
  return kafkaSecurityWithoutSecrets(auth, { region, credentials: () => defaultProvider() });
}
