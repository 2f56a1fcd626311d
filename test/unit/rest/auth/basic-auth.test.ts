import { describe, expect, it } from 'vitest';
import { createBasicAuth } from '#lib/rest/auth/basic-auth';
import { basicAuthorization } from '#lib/rest/auth/basic-credentials';
import { createMemorySecretsReader, type SecretsReader } from '#lib/aws/secrets-reader';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users-AbCdEf';
const USERS = JSON.stringify({ users: [{ username: 'ops', password: 'pa:ss' }, { username: 'ci', password: 'token' }] });

function setup(secrets: Record<string, string> = { [SECRET]: USERS }) {
  let time = 1_000;
  const reader = createMemorySecretsReader(secrets);
  const auth = createBasicAuth({ secrets: reader, secretId: SECRET, cacheTtlMs: 60_000, now: () => time });
  return { auth, reader, secrets, advance: (ms: number) => (time += ms) };
}

describe('basic auth against the secret', () => {
  it('authorizes each stored user with their password', async () => {
    const { auth } = setup();
    expect(await auth.check(basicAuthorization({ username: 'ops', password: 'pa:ss' }))).toEqual({ authorized: true, username: 'ops' });
    expect(await auth.check(basicAuthorization({ username: 'ci', password: 'token' }))).toEqual({ authorized: true, username: 'ci' });
  });

  it.each([
    ['a wrong password', basicAuthorization({ username: 'ops', password: 'pa:sS' })],
    ["another user's password", basicAuthorization({ username: 'ops', password: 'token' })],
    ['an unknown user', basicAuthorization({ username: 'root', password: 'token' })],
    ['a password prefix', basicAuthorization({ username: 'ops', password: 'pa' })],
    ['no header', undefined],
    ['a malformed header', 'Basic !!!'],
  ])('refuses %s', async (_what, header) => {
    expect(await setup().auth.check(header)).toEqual({ authorized: false });
  });

  it('reads the secret once within the cache TTL, and again after it', async () => {
    const { auth, reader, advance } = setup();
    const ops = basicAuthorization({ username: 'ops', password: 'pa:ss' });
    await Promise.all([auth.check(ops), auth.check(ops), auth.check(undefined)]);
    advance(59_999);
    await auth.check(ops);
    expect(reader.reads).toHaveLength(1);
    advance(1);
    await auth.check(ops);
    expect(reader.reads).toHaveLength(2);
  });

  it('sees a rotated password once the TTL has passed', async () => {
    const { auth, secrets, advance } = setup();
    const old = basicAuthorization({ username: 'ops', password: 'pa:ss' });
    expect(await auth.check(old)).toMatchObject({ authorized: true });
    secrets[SECRET] = JSON.stringify({ username: 'ops', password: 'rotated' });
    expect(await auth.check(old)).toMatchObject({ authorized: true });
    advance(60_000);
    expect(await auth.check(old)).toEqual({ authorized: false });
    expect(await auth.check(basicAuthorization({ username: 'ops', password: 'rotated' }))).toEqual({ authorized: true, username: 'ops' });
  });

  it('fails with a clear error when the secret is missing or malformed, and does not cache the failure', async () => {
    const { auth, secrets } = setup({});
    await expect(auth.check(basicAuthorization({ username: 'ops', password: 'x' }))).rejects.toThrow(/basic-auth secret .* does not exist/);
    secrets[SECRET] = '{"username": "ops"}';
    await expect(auth.check(undefined)).rejects.toThrow(/user 1 has no "password"/);
    secrets[SECRET] = USERS;
    expect(await auth.check(basicAuthorization({ username: 'ci', password: 'token' }))).toEqual({ authorized: true, username: 'ci' });
  });

  it('does not cache a failed read for concurrent or later checks', async () => {
    let calls = 0;
    const flaky: SecretsReader = {
      async getSecretString() {
        calls += 1;
        if (calls === 1) throw new Error('throttled');
        return USERS;
      },
    };
    const auth = createBasicAuth({ secrets: flaky, secretId: SECRET, cacheTtlMs: 60_000, now: () => 0 });
    await expect(auth.check(undefined)).rejects.toThrow(/throttled/);
    expect(await auth.check(basicAuthorization({ username: 'ci', password: 'token' }))).toEqual({ authorized: true, username: 'ci' });
  });
});
