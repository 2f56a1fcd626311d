/**
 * HTTP basic authentication of the REST API against users kept in a secret (see
 * `credentials-secret.ts` for its format). Used by the API Gateway Lambda authorizer and by standalone
 * mode. Comparison is constant-time: every stored user is compared in full (SHA-256 digests with
 * timingSafeEqual), so neither a username nor a password prefix shows in the timing. The secret is
 * read at most once per `cacheTtlMs` (one read shared by concurrent checks; a failed read is not
 * cached, a rotated password is seen within the TTL).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseBasicAuthorization, type BasicCredentials } from './basic-credentials';
import { BasicAuthSecretError, parseCredentialsSecret } from './credentials-secret';
import type { SecretsReader } from '#lib/aws/secrets-reader';

export interface BasicAuthOptions {
  secrets: SecretsReader;
  secretId: string;
  /** How long a read secret is used before it is read again. */
  cacheTtlMs: number;
  /** Milliseconds since the epoch (injected for tests). */
  now?: () => number;
}

export type BasicAuthResult = { authorized: true; username: string } | { authorized: false };

export interface BasicAuth {
  /** Checks an `Authorization` header value; throws only when the secret cannot be read or is malformed. */
  check(authorization: string | undefined): Promise<BasicAuthResult>;
}

export function createBasicAuth({ secrets, secretId, cacheTtlMs, now = Date.now }: BasicAuthOptions): BasicAuth {
  let cached: { users: Promise<StoredUser[]>; until: number } | undefined;
  const users = (): Promise<StoredUser[]> => {
    const at = now();
    if (cached === undefined || at >= cached.until) {
      const loading = load(secrets, secretId);
      cached = { users: loading, until: at + cacheTtlMs };
      loading.catch(() => {
        if (cached?.users === loading) cached = undefined;
      });
    }
    return cached.users;
  };
  return {
    async check(authorization) {
      const stored = await users();
      const given = parseBasicAuthorization(authorization);
      if (given === undefined) return { authorized: false };
      const match = findUser(stored, given);
      return match === undefined ? { authorized: false } : { authorized: true, username: match };
    },
  };
}

interface StoredUser {
  username: string;
  usernameDigest: Buffer;
  passwordDigest: Buffer;
}

async function load(secrets: SecretsReader, secretId: string): Promise<StoredUser[]> {
  const text = await secrets.getSecretString(secretId);
  if (text === undefined) throw new BasicAuthSecretError(`The basic-auth secret ${secretId} does not exist or has no SecretString`);
  return parseCredentialsSecret(text, secretId).map((u) => ({ username: u.username, usernameDigest: digest(u.username), passwordDigest: digest(u.password) }));
}

function findUser(stored: StoredUser[], given: BasicCredentials): string | undefined {
  const username = digest(given.username);
  const password = digest(given.password);
  let found: string | undefined;
  for (const user of stored) {
    // Both comparisons always run, for every user: no early exit that timing could reveal.
    const sameName = timingSafeEqual(user.usernameDigest, username);
    const samePassword = timingSafeEqual(user.passwordDigest, password);
    if (sameName && samePassword) found = user.username;
  }
  return found;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
