/**
 * The secret that holds the API's basic-auth users, as JSON text (a Secrets Manager `SecretString`):
 * either one user `{"username": "…", "password": "…"}` or several `{"users": [{"username": "…",
 * "password": "…"}, …]}`. A user-id must be non-empty, without a colon or control characters (RFC
 * 7617), and unique; a password must be a non-empty string. A malformed secret is a clear error
 * that names the problem but never echoes a password.
 */
import { ConnectError } from '#lib/errors';
import type { BasicCredentials } from './basic-credentials';

export class BasicAuthSecretError extends ConnectError {
  constructor(message: string) {
    super('INTERNAL', message);
  }
}

export function parseCredentialsSecret(text: string, secretId: string): BasicCredentials[] {
  const fail = (problem: string): never => {
    throw new BasicAuthSecretError(`The basic-auth secret ${secretId} ${problem}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('is not JSON: expected {"username", "password"} or {"users": [{"username", "password"}, …]}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('must be a JSON object');
  const entries: unknown[] = 'users' in parsed ? (Array.isArray(parsed.users) ? parsed.users : fail('has "users" that is not an array')) : [parsed];
  if (entries.length === 0) return fail('lists no users');
  const users = entries.map((entry, i) => user(entry, i, fail));
  const names = new Set(users.map((u) => u.username));
  if (names.size !== users.length) return fail('lists a username twice');
  return users;
}

function user(entry: unknown, index: number, fail: (problem: string) => never): BasicCredentials {
  const where = `user ${index + 1}`;
  if (typeof entry !== 'object' || entry === null) return fail(`${where} is not an object`);
  const { username, password } = entry as Record<string, unknown>;
  if (typeof username !== 'string' || username === '') return fail(`${where} has no "username" string`);
  // eslint-disable-next-line no-control-regex -- RFC 7617 forbids control characters in a user-id
  if (username.includes(':') || /[\u0000-\u001f\u007f]/.test(username)) return fail(`${where}: a username cannot contain ':' or control characters (RFC 7617)`);
  if (typeof password !== 'string' || password === '') return fail(`${where} has no "password" string`);
  return { username, password };
}
