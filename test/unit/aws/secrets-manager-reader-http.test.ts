import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { createSecretsManagerReader } from '#lib/aws/secrets-reader';
import { useHttpServer } from '#test/support/http-server';

const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body), headers: { 'content-type': 'application/x-amz-json-1.1' } });

describe('the Secrets Manager reader (a local server answering the Secrets Manager JSON protocol)', () => {
  const server = useHttpServer();
  const reader = () =>
    createSecretsManagerReader(
      new SecretsManagerClient({ endpoint: server.url, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 }),
    );

  it('returns the current SecretString, asked for by id', async () => {
    server.respondWith(json(200, { ARN: 'arn:x', Name: 'api-users', SecretString: '{"username":"a","password":"b"}' }));
    expect(await reader().getSecretString('api-users')).toBe('{"username":"a","password":"b"}');
    expect(server.requests[0]).toMatchObject({ headers: { 'x-amz-target': 'secretsmanager.GetSecretValue' } });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ SecretId: 'api-users' });
  });

  it('returns undefined for a secret that does not exist', async () => {
    server.respondWith(json(400, { __type: 'ResourceNotFoundException', message: 'Secrets Manager can\u2019t find the specified secret.' }));
    expect(await reader().getSecretString('nope')).toBeUndefined();
  });

  it('fails retriably on throttling and 5xx, and for good on access denied', async () => {
    server.respondWith(json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }));
    await expect(reader().getSecretString('api-users')).rejects.toMatchObject({ retriable: true, message: expect.stringMatching(/Reading secret api-users from Secrets Manager failed/) });
    server.respondWith(json(500, { __type: 'InternalServiceError', message: 'boom' }));
    await expect(reader().getSecretString('api-users')).rejects.toMatchObject({ retriable: true });
    server.respondWith(json(400, { __type: 'AccessDeniedException', message: 'not allowed' }));
    await expect(reader().getSecretString('api-users')).rejects.toMatchObject({ retriable: false, code: 'INTERNAL' });
  });
});
