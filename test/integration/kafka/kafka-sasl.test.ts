/**
 * SASL from the settings to the broker: the mock cluster has no SASL, so a relay in front of it
 * (test/support/kafka-relay.ts) plays the broker's SASL side with servers written from the
 * specifications (test/support/sasl-servers.ts): SCRAM-SHA-512 checks the client proof, OAUTHBEARER
 * checks the MSK IAM token's SigV4 signature as MSK would. Connections that do not authenticate are
 * closed before any other request reaches the cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKafkaAuth } from '#lib/kafka/auth/kafka-auth-settings';
import { resolveKafkaSecurity, type KafkaSecurity } from '#lib/kafka/auth/kafka-security';
import type { AwsCredentials } from '#lib/kafka/auth/msk-iam-token';
import { createMemorySecretsReader } from '#lib/aws/secrets-reader';
import { createKafkaCluster } from '#lib/kafka/kafkajs-cluster';
import { createKafkaProducer } from '#lib/kafka/kafkajs-producer';
import { useTestKafka } from '#test/support/kafka';
import { startKafkaRelay, type KafkaRelay } from '#test/support/kafka-relay';
import { mskIamServer, scramSha512Server } from '#test/support/sasl-servers';
import { createTestPki, type TestPki } from '#test/support/test-pki';

const kafka = useTestKafka();
const SCRAM_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_connect-AbCdEf';
const ROLE: AwsCredentials = { accessKeyId: 'ASIATESTROLE', secretAccessKey: 'role/secret+key', sessionToken: 'session-token' };

let pki: TestPki;
let scram: KafkaRelay;
let iam: KafkaRelay;
let clusterId = '';

async function security(env: { auth: string; tls?: string }, secret = '', credentials: AwsCredentials = ROLE): Promise<KafkaSecurity> {
  const secrets = createMemorySecretsReader({ [SCRAM_ARN]: secret });
  return resolveKafkaSecurity(parseKafkaAuth({ ...env, secretArn: SCRAM_ARN }), { region: 'eu-west-1', secrets: () => secrets, credentials: () => async () => credentials });
}

/** MSK IAM as resolved from the settings, trusting the test CA the relay's certificate comes from. */
async function iamSecurity(credentials: AwsCredentials = ROLE): Promise<KafkaSecurity> {
  return { ...(await security({ auth: 'msk-iam' }, '', credentials)), tls: { ca: pki.ca } };
}

async function clusterIdThrough(relay: KafkaRelay, s: KafkaSecurity): Promise<string> {
  const cluster = createKafkaCluster({ brokers: relay.brokers, clientId: 'sasl-test', connectionTimeoutMs: 2000, security: s });
  return cluster.clusterId().finally(() => cluster.close().catch(() => undefined));
}

async function produceThrough(relay: KafkaRelay, s: KafkaSecurity, topic: string, values: string[]): Promise<void> {
  const producer = createKafkaProducer({ connection: { brokers: relay.brokers, clientId: 'sasl-test', security: s } });
  await producer.send(values.map((v) => ({ topic, partition: 0, key: null, value: Buffer.from(v), headers: [] }))).finally(() => producer.close());
}

beforeAll(async () => {
  pki = createTestPki();
  scram = await startKafkaRelay(kafka().brokers, { sasl: scramSha512Server({ connect: 'p4ss' }) });
  iam = await startKafkaRelay(kafka().brokers, {
    tls: { key: pki.serverKey, cert: pki.serverCert },
    sasl: mskIamServer({ region: 'eu-west-1', keys: { [ROLE.accessKeyId]: ROLE.secretAccessKey }, now: Date.now }),
  });
  const plain = createKafkaCluster(kafka().connection);
  clusterId = await plain.clusterId().finally(() => plain.close());
});

afterAll(async () => {
  await scram?.close();
  await iam?.close();
});

describe('SASL/SCRAM-SHA-512 (KAFKA_AUTH=scram-sha-512, KAFKA_TLS=false)', () => {
  it('authenticates with the username and password of the secret', async () => {
    const s = await security({ auth: 'scram-sha-512', tls: 'false' }, '{"username":"connect","password":"p4ss"}');

    expect(await clusterIdThrough(scram, s)).toBe(clusterId);
    expect(scram.principals).toContain('connect');
  }, 30_000);

  it('produces with the idempotent producer, and a consumer reads the records', async () => {
    const topic = kafka().unique('scram');
    const s = await security({ auth: 'scram-sha-512', tls: 'false' }, '{"username":"connect","password":"p4ss"}');

    await produceThrough(scram, s, topic, ['a', 'b']);

    expect((await kafka().consume(topic, 2)).map((m) => m.value?.toString())).toEqual(['a', 'b']);
  }, 60_000);

  it('is refused with a wrong password', async () => {
    const s = await security({ auth: 'scram-sha-512', tls: 'false' }, '{"username":"connect","password":"wrong"}');

    await expect(clusterIdThrough(scram, s)).rejects.toThrow(/Could not reach Kafka/);
    expect(scram.refusals).toContain('Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512');
  }, 30_000);

  it('is closed on without authentication', async () => {
    await expect(clusterIdThrough(scram, {})).rejects.toThrow(/Could not reach Kafka/);
  }, 30_000);
});

describe('MSK IAM over TLS (KAFKA_AUTH=msk-iam)', () => {
  it('authenticates with an OAUTHBEARER MSK IAM token the broker side verifies', async () => {
    expect(await clusterIdThrough(iam, await iamSecurity())).toBe(clusterId);
    expect(iam.principals).toContain('ASIATESTROLE');
  }, 30_000);

  it('produces with the idempotent producer, a fresh token per broker connection, and a consumer reads the records', async () => {
    const topic = kafka().unique('iam');
    const before = iam.principals.length;

    await produceThrough(iam, await iamSecurity(), topic, ['x', 'y']);

    expect(iam.principals.length).toBeGreaterThan(before);
    expect((await kafka().consume(topic, 2)).map((m) => m.value?.toString())).toEqual(['x', 'y']);
  }, 60_000);

  it('is refused when the token is signed with another secret key', async () => {
    await expect(clusterIdThrough(iam, await iamSecurity({ ...ROLE, secretAccessKey: 'not-the-key' }))).rejects.toThrow(/Could not reach Kafka/);
    expect(iam.refusals).toContain('Access denied: invalid signature');
  }, 30_000);
});
