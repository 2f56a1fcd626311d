import { describe, expect, it } from 'vitest';
import { parseKafkaAuth } from '#lib/kafka/auth/kafka-auth-settings';
import { settingsFromEnv } from '#lib/config/worker-settings';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_connect-AbCdEf';

describe('parseKafkaAuth', () => {
  it('is plaintext without authentication when nothing is set', () => {
    expect(parseKafkaAuth({})).toEqual({ mechanism: 'none', tls: false });
  });

  it('turns TLS on by default for MSK IAM, SCRAM and mTLS', () => {
    expect(parseKafkaAuth({ auth: 'msk-iam' })).toEqual({ mechanism: 'msk-iam', tls: true });
    expect(parseKafkaAuth({ auth: 'scram-sha-512', secretArn: SECRET })).toEqual({ mechanism: 'scram-sha-512', secretArn: SECRET, tls: true });
    expect(parseKafkaAuth({ auth: 'scram-sha-256', secretArn: SECRET })).toEqual({ mechanism: 'scram-sha-256', secretArn: SECRET, tls: true });
    expect(parseKafkaAuth({ auth: 'mtls', secretArn: SECRET })).toEqual({ mechanism: 'mtls', secretArn: SECRET, tls: true });
  });

  it('lets KAFKA_TLS turn TLS off for SCRAM (SASL_PLAINTEXT) and on without authentication', () => {
    expect(parseKafkaAuth({ auth: 'scram-sha-512', secretArn: SECRET, tls: 'false' }).tls).toBe(false);
    expect(parseKafkaAuth({ auth: 'none', tls: 'TRUE' })).toEqual({ mechanism: 'none', tls: true });
  });

  it('rejects an unknown mechanism instead of falling back to plaintext', () => {
    expect(() => parseKafkaAuth({ auth: 'iam' })).toThrow('KAFKA_AUTH must be one of none, msk-iam, scram-sha-256, scram-sha-512, mtls, not iam');
  });

  it('rejects SCRAM and mTLS without a secret', () => {
    expect(() => parseKafkaAuth({ auth: 'scram-sha-512' })).toThrow('KAFKA_AUTH=scram-sha-512 needs KAFKA_SECRET_ARN');
    expect(() => parseKafkaAuth({ auth: 'mtls', secretArn: ' ' })).toThrow('KAFKA_AUTH=mtls needs KAFKA_SECRET_ARN');
  });

  it('rejects mTLS and MSK IAM without TLS, and a KAFKA_TLS that is not a boolean', () => {
    expect(() => parseKafkaAuth({ auth: 'mtls', secretArn: SECRET, tls: 'false' })).toThrow('KAFKA_TLS cannot be false');
    expect(() => parseKafkaAuth({ auth: 'msk-iam', tls: 'false' })).toThrow('KAFKA_TLS cannot be false');
    expect(() => parseKafkaAuth({ auth: 'none', tls: 'yes' })).toThrow('KAFKA_TLS must be true or false, not yes');
  });
});

describe('worker settings', () => {
  it('give the runtime clients and the event source mappings the same mechanism and secret', () => {
    const settings = settingsFromEnv({ KAFKA_AUTH: 'scram-sha-512', KAFKA_SECRET_ARN: SECRET, KAFKA_BROKERS: 'b-1:9096' });

    expect(settings.kafkaAuth).toEqual({ mechanism: 'scram-sha-512', secretArn: SECRET, tls: true });
    expect(settings.sink.eventSource).toMatchObject({ auth: 'scram-sha-512', secretArn: SECRET, bootstrapServers: ['b-1:9096'] });
  });
});
