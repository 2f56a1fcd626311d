/**
 * TLS and mTLS from the settings to the socket: TLS listeners that demand a client certificate signed
 * by a test CA terminate the connections and relay them to the embedded mock cluster (which speaks
 * plaintext only, and has no SASL: SaslHandshake is not implemented, so SCRAM and OAUTHBEARER cannot
 * run against it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKafkaAuth } from '#lib/kafka/auth/kafka-auth-settings';
import { resolveKafkaSecurity, type KafkaSecurity } from '#lib/kafka/auth/kafka-security';
import { createMemorySecretsReader } from '#lib/kafka/auth/secrets-reader';
import { createKafkaCluster } from '#lib/kafka/kafkajs-cluster';
import { createKafkaProducer } from '#lib/kafka/kafkajs-producer';
import { useTestKafka } from '#test/support/kafka';
import { startKafkaTlsRelay, type KafkaTlsRelay } from '#test/support/kafka-tls-relay';

const kafka = useTestKafka();
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect-client-cert-XyZ';

interface Pki {
  ca: string;
  serverKey: string;
  serverCert: string;
  clientCert: string;
  /** PKCS#8, encrypted with `kp` (ESM's privateKeyPassword). */
  clientKey: string;
}

let dir = '';
let pki: Pki;
let relay: KafkaTlsRelay;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function issue(name: string, cn: string, extension: string): void {
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
  writeFileSync(join(dir, `${name}.ext`), extension);
  openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-out', `${name}.pem`, '-extfile', `${name}.ext`);
}

function makePki(): Pki {
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=lambda-connect test CA');
  issue('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  issue('client', 'lambda-connect-test', 'extendedKeyUsage=clientAuth\n');
  openssl('pkcs8', '-topk8', '-in', 'client.key', '-out', 'client.enc.key', '-passout', 'pass:kp');
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return { ca: read('ca.pem'), serverKey: read('server.key'), serverCert: read('server.pem'), clientCert: read('client.pem'), clientKey: read('client.enc.key') };
}

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
  dir = mkdtempSync(join(tmpdir(), 'lc-tls-'));
  pki = makePki();
  relay = await startKafkaTlsRelay(kafka().brokers, { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true });
});

afterAll(async () => {
  await relay?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Kafka over TLS with a client certificate (KAFKA_AUTH=mtls)', () => {
  it('reaches the cluster with the certificate, encrypted key and CA of the secret, and the broker side sees the client certificate', async () => {
    const expected = await createKafkaCluster(kafka().connection).clusterId();
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
