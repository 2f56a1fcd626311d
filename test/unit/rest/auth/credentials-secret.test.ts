import { describe, expect, it } from 'vitest';
import { parseCredentialsSecret } from '#lib/rest/auth/credentials-secret';

const parse = (value: unknown) => parseCredentialsSecret(typeof value === 'string' ? value : JSON.stringify(value), 'arn:secret:api-users');

describe('the basic-auth secret', () => {
  it('holds one user as {"username", "password"}', () => {
    expect(parse({ username: 'connect', password: 's3cret' })).toEqual([{ username: 'connect', password: 's3cret' }]);
  });

  it('holds several users as {"users": [...]}', () => {
    expect(parse({ users: [{ username: 'ops', password: 'a' }, { username: 'ci', password: 'b:c' }] })).toEqual([
      { username: 'ops', password: 'a' },
      { username: 'ci', password: 'b:c' },
    ]);
  });

  it.each([
    ['text that is not JSON', 'username=connect', /is not JSON/],
    ['a JSON array', [{ username: 'a', password: 'b' }], /must be a JSON object/],
    ['users that is not an array', { users: { username: 'a', password: 'b' } }, /"users" that is not an array/],
    ['no users', { users: [] }, /lists no users/],
    ['a missing username', { password: 'x' }, /user 1 has no "username"/],
    ['an empty password', { username: 'a', password: '' }, /user 1 has no "password"/],
    ['a colon in a username', { users: [{ username: 'ok', password: 'x' }, { username: 'a:b', password: 'x' }] }, /user 2: a username cannot contain ':'/],
    ['a username twice', { users: [{ username: 'a', password: 'x' }, { username: 'a', password: 'y' }] }, /lists a username twice/],
  ])('is refused with a clear error for %s', (_what, value, message) => {
    expect(() => parse(value)).toThrow(message);
  });

  it('names the secret but never echoes a password in its errors', () => {
    expect(() => parse({ users: [{ username: 'a', password: 'hunter2' }, { username: 'a', password: 'hunter3' }] })).toThrow(/^The basic-auth secret arn:secret:api-users/);
    try {
      parse({ users: [{ username: 'a', password: 'hunter2' }, { username: 'a', password: 'hunter3' }] });
    } catch (error) {
      expect((error as Error).message).not.toMatch(/hunter/);
    }
  });
});
