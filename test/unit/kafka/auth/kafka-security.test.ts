import { describe, expect, it } from 'vitest';
import { parseKafkaAuth } from '#lib/kafka/auth/kafka-auth-settings';
import { kafkaSecurityWithoutSecrets, resolveKafkaSecurity, type KafkaSecurityDeps } from '#lib/kafka/auth/kafka-security';
import { createMemorySecretsReader, type SecretsReader } from '#lib/aws/secrets-reader';
import { kafkajsSecurity } from '#lib/kafka/kafkajs-client';

const SCRAM_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_connect-AbCdEf';
const MTLS_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect-client-cert-XyZ';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

function deps(secrets: SecretsReader = createMemorySecretsReader({})): KafkaSecurityDeps {
  return {
    region: 'eu-west-1',
    secrets: () => secrets,
    credentials: () => async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' }),
  };
}

describe('resolveKafkaSecurity', () => {
  it('is nothing without authentication and TLS', async () => {
    expect(await resolveKafkaSecurity(parseKafkaAuth({}), deps())).toEqual({});
    expect(kafkajsSecurity(await resolveKafkaSecurity(parseKafkaAuth({}), deps()))).toEqual({});
  });

  it('gives SCRAM the secret username and password, over TLS', async () => {
    const secrets = createMemorySecretsReader({ [SCRAM_ARN]: '{"username":"connect","password":"p4ss"}' });

    const security = await resolveKafkaSecurity(parseKafkaAuth({ auth: 'scram-sha-512', secretArn: SCRAM_ARN }), deps(secrets));

    expect(secrets.reads).toEqual([SCRAM_ARN]);
    expect(kafkajsSecurity(security)).toEqual({ ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'connect', password: 'p4ss' } });
  });

  it('gives SCRAM over plaintext no ssl option', async () => {
    const secrets = createMemorySecretsReader({ [SCRAM_ARN]: '{"username":"connect","password":"p4ss"}' });

    const security = await resolveKafkaSecurity(parseKafkaAuth({ auth: 'scram-sha-256', secretArn: SCRAM_ARN, tls: 'false' }), deps(secrets));

    expect(kafkajsSecurity(security)).toEqual({ sasl: { mechanism: 'scram-sha-256', username: 'connect', password: 'p4ss' } });
  });

  it('gives mTLS the certificate, key, key password and CA of the secret', async () => {
    const secret = JSON.stringify({ certificate: CERT, privateKey: KEY, privateKeyPassword: 'kp', serverRootCaCertificate: CERT });
    const security = await resolveKafkaSecurity(parseKafkaAuth({ auth: 'mtls', secretArn: MTLS_ARN }), deps(createMemorySecretsReader({ [MTLS_ARN]: secret })));

    expect(kafkajsSecurity(security)).toEqual({ ssl: { cert: CERT, key: KEY, passphrase: 'kp', ca: CERT } });
  });

  it('gives MSK IAM an OAUTHBEARER provider whose value is a fresh MSK IAM token, over TLS', async () => {
    const { ssl, sasl } = kafkajsSecurity(await resolveKafkaSecurity(parseKafkaAuth({ auth: 'msk-iam' }), deps()));
    if (sasl?.mechanism !== 'oauthbearer' || !('oauthBearerProvider' in sasl)) throw new Error('expected oauthbearer');

    const { value } = await sasl.oauthBearerProvider();

    expect(ssl).toBe(true);
    const url = new URL(Buffer.from(value, 'base64url').toString('utf8'));
    expect(url.host).toBe('kafka.eu-west-1.amazonaws.com');
    expect(url.searchParams.get('Action')).toBe('kafka-cluster:Connect');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('token');
  });

  it('does not read a secret for MSK IAM', async () => {
    const secrets = createMemorySecretsReader({});

    await resolveKafkaSecurity(parseKafkaAuth({ auth: 'msk-iam', secretArn: SCRAM_ARN }), deps(secrets));

    expect(secrets.reads).toEqual([]);
  });

  it('names a missing secret', async () => {
    await expect(resolveKafkaSecurity(parseKafkaAuth({ auth: 'scram-sha-512', secretArn: SCRAM_ARN }), deps())).rejects.toThrow(
      `The KAFKA_AUTH=scram-sha-512 secret ${SCRAM_ARN} (KAFKA_SECRET_ARN) does not exist or has no SecretString`,
    );
  });

  it('names a missing field of the secret without showing its values', async () => {
    const secrets = createMemorySecretsReader({ [SCRAM_ARN]: '{"username":"connect","pasword":"s3cr3t"}' });

    const failure = resolveKafkaSecurity(parseKafkaAuth({ auth: 'scram-sha-512', secretArn: SCRAM_ARN }), deps(secrets));

    await expect(failure).rejects.toThrow('has no "password"');
    await expect(failure).rejects.not.toThrow('s3cr3t');
  });

  it('refuses a secret that is not a JSON object, and a key that is not a string', async () => {
    const notJson = createMemorySecretsReader({ [MTLS_ARN]: CERT });
    const numeric = createMemorySecretsReader({ [MTLS_ARN]: JSON.stringify({ certificate: CERT, privateKey: 42 }) });
    const mtls = parseKafkaAuth({ auth: 'mtls', secretArn: MTLS_ARN });

    await expect(resolveKafkaSecurity(mtls, deps(notJson))).rejects.toThrow('must be a JSON object {"certificate": PEM, "privateKey": PEM, "privateKeyPassword"?: …}');
    await expect(resolveKafkaSecurity(mtls, deps(numeric))).rejects.toThrow('"privateKey" must be a string');
  });
});

describe('kafkaSecurityWithoutSecrets', () => {
  it('refuses SCRAM and mTLS, whose secret must be read first', () => {
    expect(() => kafkaSecurityWithoutSecrets(parseKafkaAuth({ auth: 'mtls', secretArn: MTLS_ARN }), deps())).toThrow('KAFKA_AUTH=mtls reads its credentials from Secrets Manager');
  });

  it('gives TLS alone when asked for without authentication', () => {
    expect(kafkajsSecurity(kafkaSecurityWithoutSecrets(parseKafkaAuth({ tls: 'true' }), deps()))).toEqual({ ssl: true });
  });
});
