/**
 * TLS and mTLS from the settings to the socket: TLS listeners that demand a client certificate signed
 * by a test CA terminate the connections and relay them to the embedded mock cluster, which speaks
 * plaintext only (test/support/kafka-relay.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKafkaAuth } from '#lib/kafka/auth/kafka-auth-settings';
import { resolveKafkaSecurity, type KafkaSecurity } from '#lib/kafka/auth/kafka-security';
import { createMemorySecretsReader } from '#lib/aws/secrets-reader';
import { createKafkaCluster } from '#lib/kafka/kafkajs-cluster';
import { createKafkaProducer } from '#lib/kafka/kafkajs-producer';
import { useTestKafka } from '#test/support/kafka';
import { startKafkaRelay, type KafkaRelay } from '#test/support/kafka-relay';
import { createTestPki, type TestPki } from '#test/support/test-pki';

const kafka = useTestKafka();
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect-client-cert-XyZ';

let pki: TestPki;
let relay: KafkaRelay;

async function clusterIdThroughRelay(security: KafkaSecurity): Promise<string> {
  const cluster = createKafkaCluster({ brokers: relay.brokers, clientId: 'tls-test', connectionTimeoutMs: 2000, security });
  try {
    return await cluster.clusterId();
  } finally {
    await cluster.close().catch(() => undefined);
  }
}

async function mtlsSecurity(secret: Record<string, string>): Promise<KafkaSecurity> {
  const secrets = createMemorySecretsReader({ [SECRET_ARN]: JSON.stringify(secret) });
  return resolveKafkaSecurity(parseKafkaAuth({ auth: 'mtls', secretArn: SECRET_ARN }), { region: 'eu-west-1', secrets: () => secrets, credentials: () => async () => ({ accessKeyId: '', secretAccessKey: '' }) });
}

beforeAll(async () => {
  pki = createTestPki();
  relay = await startKafkaRelay(kafka().brokers, { tls: { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true } });
});

afterAll(async () => {
  await relay?.close();
});

describe('Kafka over TLS with a client certificate (KAFKA_AUTH=mtls)', () => {
  it('reaches the cluster with the certificate, encrypted key and CA of the secret, and the broker side sees the client certificate', async () => {
    const plain = createKafkaCluster(kafka().connection);
    const expected = await plain.clusterId().finally(() => plain.close());
    const security = await mtlsSecurity({ certificate: pki.clientCert, privateKey: pki.clientKey, privateKeyPassword: 'kp', serverRootCaCertificate: pki.ca });

    expect(await clusterIdThroughRelay(security)).toBe(expected);
    expect(relay.clientCertificates).toContain('lambda-connect-test');
  }, 30_000);

  it('produces with the idempotent producer over mTLS, and a plaintext consumer reads the records', async () => {
    const topic = kafka().unique('mtls');
    const security = await mtlsSecurity({ certificate: pki.clientCert, privateKey: pki.clientKey, privateKeyPassword: 'kp', serverRootCaCertificate: pki.ca });
    const producer = createKafkaProducer({ connection: { brokers: relay.brokers, clientId: 'tls-test', security } });
    try {
      await producer.send(['a', 'b'].map((v) => ({ topic, partition: 0, key: null, value: Buffer.from(v), headers: [] })));
    } finally {
      await producer.close();
    }

    expect((await kafka().consume(topic, 2)).map((m) => m.value?.toString())).toEqual(['a', 'b']);
  }, 60_000);

  it('is refused by a broker that demands a client certificate when the client has none', async () => {
    await expect(clusterIdThroughRelay({ tls: { ca: pki.ca } })).rejects.toThrow(/Could not reach Kafka/);
  }, 30_000);

  it('refuses a broker whose certificate does not chain to a trusted CA', async () => {
    const security = await mtlsSecurity({ certificate: pki.clientCert, privateKey: pki.clientKey, privateKeyPassword: 'kp' });

    await expect(clusterIdThroughRelay(security)).rejects.toThrow(/Could not reach Kafka/);
  }, 30_000);
});
