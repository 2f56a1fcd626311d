import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { createInput } from '#lib/runtime/sink/mappings/lambda-sink-mappings';
import type { DesiredSinkMapping } from '#lib/runtime/sink/mappings/mapping-port';

const CLUSTER = 'arn:aws:kafka:eu-west-1:123456789012:cluster/orders/0a1b2c3d-1111-2222-3333-444455556666-7';
const SCRAM = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_connect-AbCdEf';
const CERT = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect-client-cert-XyZ';
const MAPPING: DesiredSinkMapping = { alias: 'lc-orders', topic: 'orders', groupId: 'connect-orders', batchSize: 500, batchingWindowSeconds: 1, enabled: true };

/** The CreateEventSourceMapping input for the deployment environment `env`. */
function input(env: Record<string, string>) {
  return createInput('sink-task:lc-orders', MAPPING, settingsFromEnv(env).sink.eventSource);
}

describe('CreateEventSourceMapping input from the Kafka auth settings', () => {
  it('has no access configuration for MSK with IAM: Lambda signs with the execution role', () => {
    const result = input({ KAFKA_AUTH: 'msk-iam', KAFKA_CLUSTER_ARN: CLUSTER, KAFKA_BROKERS: 'b-1:9098' });

    expect(result.SourceAccessConfigurations).toBeUndefined();
    expect(result).toMatchObject({ EventSourceArn: CLUSTER, AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'connect-orders' } });
  });

  it('names the SCRAM-SHA-512 secret for MSK with SCRAM', () => {
    const result = input({ KAFKA_AUTH: 'scram-sha-512', KAFKA_SECRET_ARN: SCRAM, KAFKA_CLUSTER_ARN: CLUSTER, KAFKA_BROKERS: 'b-1:9096' });

    expect(result.SourceAccessConfigurations).toEqual([{ Type: 'SASL_SCRAM_512_AUTH', URI: SCRAM }]);
    expect(result.EventSourceArn).toBe(CLUSTER);
  });

  it('names the SCRAM secret, subnets and security groups for self-managed Kafka', () => {
    const result = input({ KAFKA_AUTH: 'scram-sha-256', KAFKA_SECRET_ARN: SCRAM, KAFKA_BROKERS: 'k1:9093,k2:9093', KAFKA_SUBNET_IDS: 'subnet-1,subnet-2', KAFKA_SECURITY_GROUP_IDS: 'sg-1' });

    expect(result.SourceAccessConfigurations).toEqual([
      { Type: 'SASL_SCRAM_256_AUTH', URI: SCRAM },
      { Type: 'VPC_SUBNET', URI: 'subnet:subnet-1' },
      { Type: 'VPC_SUBNET', URI: 'subnet:subnet-2' },
      { Type: 'VPC_SECURITY_GROUP', URI: 'security_group:sg-1' },
    ]);
    expect(result.SelfManagedEventSource).toEqual({ Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['k1:9093', 'k2:9093'] } });
  });

  it('names the client certificate secret for mTLS', () => {
    const result = input({ KAFKA_AUTH: 'mtls', KAFKA_SECRET_ARN: CERT, KAFKA_BROKERS: 'k1:9094' });

    expect(result.SourceAccessConfigurations).toEqual([{ Type: 'CLIENT_CERTIFICATE_TLS_AUTH', URI: CERT }]);
  });

  it('refuses IAM without an MSK cluster and SCRAM-SHA-256 on MSK', () => {
    expect(() => input({ KAFKA_AUTH: 'msk-iam', KAFKA_BROKERS: 'k1:9098' })).toThrow('KAFKA_AUTH=msk-iam needs KAFKA_CLUSTER_ARN');
    expect(() => input({ KAFKA_AUTH: 'scram-sha-256', KAFKA_SECRET_ARN: SCRAM, KAFKA_CLUSTER_ARN: CLUSTER })).toThrow('MSK supports SCRAM-SHA-512 only');
  });
});
