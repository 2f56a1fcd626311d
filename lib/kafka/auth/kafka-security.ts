/**
 * What every Kafka client of the runtime presents to the brokers, in our own terms (the kafkajs
 * mapping is lib/kafka/kafkajs-client.ts): TLS with an optional client certificate, and SASL. Built
 * once per cold start from the auth settings; SCRAM and mTLS read their secret then.
 */
import { KafkaAuthError } from './errors';
import type { KafkaAuthSettings } from './kafka-auth-settings';
import { parseMtlsSecret, parseScramSecret } from './kafka-secrets';
import { createMskIamToken, type AwsCredentialsProvider } from './msk-iam-token';
import type { SecretsReader } from '#lib/aws/secrets-reader';

export interface KafkaTls {
  /** PEM client certificate (chain) and private key (mTLS). */
  cert?: string;
  key?: string;
  passphrase?: string;
  /** PEM CA certificates the brokers' certificates chain to; default Node's bundled roots. */
  ca?: string;
}

export type KafkaSasl =
  | { mechanism: 'scram-sha-256' | 'scram-sha-512'; username: string; password: string }
  /** OAUTHBEARER: a fresh token per connection (MSK IAM tokens expire). */
  | { mechanism: 'oauthbearer'; token: () => Promise<string> };

export interface KafkaSecurity {
  tls?: KafkaTls;
  sasl?: KafkaSasl;
}

export interface KafkaSecurityDeps {
  region: string;
  /** Only asked for with SCRAM or mTLS. */
  secrets: () => SecretsReader;
  /** Only asked for with MSK IAM. */
  credentials: () => AwsCredentialsProvider;
}

export async function resolveKafkaSecurity(auth: KafkaAuthSettings, deps: KafkaSecurityDeps): Promise<KafkaSecurity> {
  const tls: KafkaTls | undefined = auth.tls ? {} : undefined;
  switch (auth.mechanism) {
    case 'none':
      return tls ? { tls } : {};
    case 'msk-iam':
      return { tls: tls ?? {}, sasl: mskIamSasl(deps) };
    case 'scram-sha-256':
    case 'scram-sha-512': {
      const { username, password } = parseScramSecret(await readSecret(auth, deps), describe(auth));
      return { ...(tls ? { tls } : {}), sasl: { mechanism: auth.mechanism, username, password } };
    }
    case 'mtls':
      return { tls: parseMtlsSecret(await readSecret(auth, deps), describe(auth)) };
  }
}

/** The security that needs no secret (none, MSK IAM); SCRAM and mTLS must go through resolveKafkaSecurity. */
export function kafkaSecurityWithoutSecrets(auth: KafkaAuthSettings, deps: Omit<KafkaSecurityDeps, 'secrets'>): KafkaSecurity {
  if (auth.mechanism === 'none') return auth.tls ? { tls: {} } : {};
  if (auth.mechanism === 'msk-iam') return { tls: {}, sasl: mskIamSasl(deps) };
  throw new KafkaAuthError(`KAFKA_AUTH=${auth.mechanism} reads its credentials from Secrets Manager when the runtime starts; this entry point cannot read them`);
}

function mskIamSasl(deps: Omit<KafkaSecurityDeps, 'secrets'>): KafkaSasl {
  let credentials: AwsCredentialsProvider | undefined;
  return {
    mechanism: 'oauthbearer',
    token: async () => {
      credentials ??= deps.credentials();
      return (await createMskIamToken({ region: deps.region, credentials })).token;
    },
  };
}

async function readSecret(auth: KafkaAuthSettings, deps: KafkaSecurityDeps): Promise<string> {
  const secretId = auth.secretArn ?? '';
  const text = await deps.secrets().getSecretString(secretId);
  if (text === undefined) throw new KafkaAuthError(`${describe(auth)} does not exist or has no SecretString`);
  return text;
}

function describe(auth: KafkaAuthSettings): string {
  return `The KAFKA_AUTH=${auth.mechanism} secret ${auth.secretArn ?? ''} (KAFKA_SECRET_ARN)`;
}
