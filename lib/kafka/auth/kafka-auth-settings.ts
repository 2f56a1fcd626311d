/**
 * How the runtime authenticates to Kafka, from the deployment settings `KAFKA_AUTH`,
 * `KAFKA_SECRET_ARN` and `KAFKA_TLS` (read in lib/config/worker-settings.ts). The names are the
 * ones the CDK app and serverless.yml bind (infra/constructs/kafka-connection.ts).
 */
import { KafkaAuthError } from './errors';

/** `msk-iam`: SASL OAUTHBEARER with the MSK IAM token; `scram-*`: SASL/SCRAM; `mtls`: TLS client certificate. */
export type KafkaAuth = 'none' | 'msk-iam' | 'scram-sha-256' | 'scram-sha-512' | 'mtls';

export const KAFKA_AUTH_MECHANISMS: readonly KafkaAuth[] = ['none', 'msk-iam', 'scram-sha-256', 'scram-sha-512', 'mtls'];

export interface KafkaAuthSettings {
  mechanism: KafkaAuth;
  /** The SCRAM credentials or mTLS certificate secret (required for those mechanisms). */
  secretArn?: string;
  /** TLS to the brokers: default on for every mechanism but `none`. */
  tls: boolean;
}

export interface KafkaAuthEnv {
  auth?: string;
  secretArn?: string;
  tls?: string;
}

/** Throws a KafkaAuthError naming the variable on a value that cannot work (never falls back to plaintext). */
export function parseKafkaAuth({ auth, secretArn, tls }: KafkaAuthEnv): KafkaAuthSettings {
  const mechanism = (auth?.trim() || 'none').toLowerCase();
  if (!isKafkaAuth(mechanism)) throw new KafkaAuthError(`KAFKA_AUTH must be one of ${KAFKA_AUTH_MECHANISMS.join(', ')}, not ${auth}`);
  const secret = secretArn?.trim() || undefined;
  if ((mechanism === 'scram-sha-256' || mechanism === 'scram-sha-512' || mechanism === 'mtls') && secret === undefined) {
    throw new KafkaAuthError(`KAFKA_AUTH=${mechanism} needs KAFKA_SECRET_ARN, the secret with its credentials`);
  }
  const useTls = parseTls(tls, mechanism !== 'none');
  if (mechanism === 'mtls' && !useTls) throw new KafkaAuthError('KAFKA_AUTH=mtls authenticates with a TLS client certificate: KAFKA_TLS cannot be false');
  if (mechanism === 'msk-iam' && !useTls) throw new KafkaAuthError('KAFKA_AUTH=msk-iam: MSK accepts IAM authentication only over TLS, KAFKA_TLS cannot be false');
  return { mechanism, ...(secret !== undefined && mechanism !== 'none' && mechanism !== 'msk-iam' ? { secretArn: secret } : {}), tls: useTls };
}

function isKafkaAuth(value: string): value is KafkaAuth {
  return (KAFKA_AUTH_MECHANISMS as readonly string[]).includes(value);
}

function parseTls(value: string | undefined, fallback: boolean): boolean {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '') return fallback;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new KafkaAuthError(`KAFKA_TLS must be true or false, not ${value}`);
}
