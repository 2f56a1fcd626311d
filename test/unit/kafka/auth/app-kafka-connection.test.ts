import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { createMemoryStores } from '#lib/store/memory/create-memory-stores';
import type { KafkaSecurity } from '#lib/kafka/auth/kafka-security';
import { createApp } from '#lib/wiring';

const SCRAM_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_connect-AbCdEf';

function app(env: Record<string, string>, kafkaSecurity?: KafkaSecurity) {
  return createApp(settingsFromEnv({ KAFKA_BROKERS: 'b-1:9098,b-2:9098', ...env }), { stores: createMemoryStores(), ...(kafkaSecurity ? { kafkaSecurity } : {}) });
}

describe('the app Kafka connection', () => {
  it('is plaintext without KAFKA_AUTH', async () => {
    const built = app({});

    expect(built.kafkaConnection).toEqual({ brokers: ['b-1:9098', 'b-2:9098'], clientId: 'lambda-connect' });
    await built.close();
  });

  it('carries TLS and the OAUTHBEARER token provider with KAFKA_AUTH=msk-iam', async () => {
    const built = app({ KAFKA_AUTH: 'msk-iam', AWS_REGION: 'eu-west-1' });

    expect(built.kafkaConnection.security?.tls).toEqual({});
    expect(built.kafkaConnection.security?.sasl?.mechanism).toBe('oauthbearer');
    await built.close();
  });

  it('carries the security resolved ahead, as the cold start passes it', async () => {
    const security: KafkaSecurity = { tls: {}, sasl: { mechanism: 'scram-sha-512', username: 'connect', password: 'p4ss' } };

    const built = app({ KAFKA_AUTH: 'scram-sha-512', KAFKA_SECRET_ARN: SCRAM_ARN }, security);

    expect(built.kafkaConnection.security).toBe(security);
    await built.close();
  });

  it('refuses SCRAM whose secret was not read, instead of connecting without credentials', () => {
    expect(() => app({ KAFKA_AUTH: 'scram-sha-512', KAFKA_SECRET_ARN: SCRAM_ARN })).toThrow('KAFKA_AUTH=scram-sha-512 reads its credentials from Secrets Manager when the runtime starts');
  });
});
