import { describe, expect, it } from 'vitest';
import { createMskIamToken, type AwsCredentials } from '#lib/kafka/auth/msk-iam-token';
import { sigV4QuerySignature } from '#test/support/sasl-servers';

const NOW = Date.UTC(2026, 10, 21, 9, 8, 7, 654);
const KEYS: AwsCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const SESSION: AwsCredentials = { ...KEYS, sessionToken: 'FwoGZXIvYXdzE/session+token==' };

async function tokenUrl(credentials: AwsCredentials, region = 'eu-west-1'): Promise<{ token: string; url: URL; expiresAt: number }> {
  const { token, expiresAt } = await createMskIamToken({ region, credentials: async () => credentials, userAgent: 'lambda-connect-test/1', now: () => NOW });
  return { token, url: new URL(Buffer.from(token, 'base64url').toString('utf8')), expiresAt };
}

function expectedSignature(url: URL, credentials: AwsCredentials): string {
  return sigV4QuerySignature(url, credentials.secretAccessKey);
}

describe('createMskIamToken', () => {
  it('is base64url without padding', async () => {
    const { token } = await tokenUrl(SESSION);

    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('decodes to the presigned kafka-cluster:Connect URL of the region with exactly the signer library query parameters', async () => {
    const { url } = await tokenUrl(SESSION);

    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('https://kafka.eu-west-1.amazonaws.com/');
    expect([...url.searchParams.keys()].sort()).toEqual([
      'Action', 'User-Agent', 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Security-Token', 'X-Amz-Signature', 'X-Amz-SignedHeaders',
    ]);
    expect(Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'X-Amz-Signature'))).toEqual({
      Action: 'kafka-cluster:Connect',
      'User-Agent': 'lambda-connect-test/1',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20261121/eu-west-1/kafka-cluster/aws4_request',
      'X-Amz-Date': '20261121T090807Z',
      'X-Amz-Expires': '900',
      'X-Amz-Security-Token': 'FwoGZXIvYXdzE/session+token==',
      'X-Amz-SignedHeaders': 'host',
    });
  });

  it('escapes the query as the SDK URL formatter does, keys sorted', async () => {
    const { url } = await tokenUrl(SESSION);

    expect(url.search).toMatch(/^\?Action=kafka-cluster%3AConnect&User-Agent=lambda-connect-test%2F1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261121%2F/);
    expect(url.search).toContain('&X-Amz-Security-Token=FwoGZXIvYXdzE%2Fsession%2Btoken%3D%3D&');
  });

  it('carries a SigV4 signature over the query without User-Agent', async () => {
    const { url } = await tokenUrl(SESSION);

    expect(url.searchParams.get('X-Amz-Signature')).toBe(expectedSignature(url, SESSION));
  });

  it('has no security token and a valid signature with long-term keys', async () => {
    const { url } = await tokenUrl(KEYS, 'us-east-1');

    expect(url.searchParams.has('X-Amz-Security-Token')).toBe(false);
    expect(url.searchParams.get('X-Amz-Signature')).toBe(expectedSignature(url, KEYS));
  });

  it('expires 900 s after the signing second', async () => {
    const { expiresAt } = await tokenUrl(SESSION);

    expect(expiresAt).toBe(Date.UTC(2026, 10, 21, 9, 23, 7));
  });

  it('expires with credentials that expire sooner', async () => {
    const { url, expiresAt } = await tokenUrl({ ...SESSION, expiration: new Date(NOW + 120_500) });

    expect(url.searchParams.get('X-Amz-Expires')).toBe('120');
    expect(expiresAt).toBe(Date.UTC(2026, 10, 21, 9, 10, 7));
  });

  it('refuses expired credentials', async () => {
    await expect(tokenUrl({ ...SESSION, expiration: new Date(NOW - 1) })).rejects.toThrow(/expired at 2026-11-21T09:08:07.653Z/);
  });

  it('refuses empty credentials and a missing region', async () => {
    await expect(tokenUrl({ accessKeyId: '', secretAccessKey: '' })).rejects.toThrow('MSK IAM authentication found no AWS credentials');
    await expect(tokenUrl(KEYS, '')).rejects.toThrow('MSK IAM authentication needs a region (AWS_REGION)');
  });
});
