/**
 * Where the deployment's event source mappings read from, from the deployment settings: an MSK
 * cluster (its ARN; IAM auth needs no access configuration, SCRAM/mTLS name their secret) or a
 * self-managed cluster (bootstrap servers, the auth secret, and the VPC subnets/security groups
 * Lambda's pollers connect from).
 */
import { KafkaAuthError } from '#lib/kafka/auth/errors';
import type { KafkaAuth } from '#lib/kafka/auth/kafka-auth-settings';

export type { KafkaAuth };

export interface KafkaEventSourceSettings {
  /** `KAFKA_CLUSTER_ARN`: set for MSK. */
  clusterArn?: string;
  /** `KAFKA_BROKERS`: the self-managed bootstrap servers. */
  bootstrapServers: string[];
  /** `KAFKA_AUTH` (default none). */
  auth: KafkaAuth;
  /** `KAFKA_SECRET_ARN`: the SCRAM or mTLS secret. */
  secretArn?: string;
  /** `KAFKA_SUBNET_IDS` / `KAFKA_SECURITY_GROUP_IDS` (self-managed in a VPC). */
  subnetIds: string[];
  securityGroupIds: string[];
}

export interface AccessConfiguration {
  Type: string;
  URI: string;
}

/**
 * The mapping's SourceAccessConfigurations, from the same settings the runtime's own clients use:
 * SCRAM and mTLS name the secret (Lambda reads the same JSON the runtime does); MSK IAM needs none,
 * Lambda signs with the function's execution role. Throws on settings no mapping can work with.
 */
export function accessConfigurations(s: KafkaEventSourceSettings): AccessConfiguration[] {
  const out: AccessConfiguration[] = [];
  if (s.auth === 'msk-iam' && s.clusterArn === undefined) {
    throw new KafkaAuthError('KAFKA_AUTH=msk-iam needs KAFKA_CLUSTER_ARN: event source mappings use IAM only with an MSK cluster');
  }
  if (s.auth === 'scram-sha-256' && s.clusterArn !== undefined) {
    throw new KafkaAuthError('KAFKA_AUTH=scram-sha-256 with KAFKA_CLUSTER_ARN: MSK supports SCRAM-SHA-512 only');
  }
  if (s.auth !== 'none' && s.auth !== 'msk-iam' && !s.secretArn) throw new KafkaAuthError(`KAFKA_AUTH=${s.auth} needs KAFKA_SECRET_ARN for the event source mappings`);
  const secret = s.secretArn ?? '';
  if (s.auth === 'scram-sha-512') out.push({ Type: 'SASL_SCRAM_512_AUTH', URI: secret });
  if (s.auth === 'scram-sha-256') out.push({ Type: 'SASL_SCRAM_256_AUTH', URI: secret });
  if (s.auth === 'mtls') out.push({ Type: 'CLIENT_CERTIFICATE_TLS_AUTH', URI: secret });
  if (s.clusterArn === undefined) {
    for (const id of s.subnetIds) out.push({ Type: 'VPC_SUBNET', URI: `subnet:${id}` });
    for (const id of s.securityGroupIds) out.push({ Type: 'VPC_SECURITY_GROUP', URI: `security_group:${id}` });
  }
  return out;
}
