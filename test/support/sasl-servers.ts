/**
 * The broker side of SASL for test/support/kafka-relay.ts, written from the specifications, not from
 * the code under test: SCRAM-SHA-512 (RFC 5802, RFC 7677's shape with SHA-512) and OAUTHBEARER with
 * MSK IAM tokens, checked as MSK does (SigV4 query signature recomputed from the AWS documentation,
 * `kafka-cluster:Connect`, the region's host, not expired).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SaslServer } from './kafka-relay';

export function scramSha512Server(users: Readonly<Record<string, string>>): SaslServer {
  const iterations = 4096;
  return {
    mechanism: 'SCRAM-SHA-512',
    start() {
      let first: { bare: string; serverFirst: string; nonce: string; salted: Buffer; user: string } | undefined;
      return (bytes) => {
        const message = bytes.toString('utf8');
        if (first === undefined) {
          const bare = message.replace(/^n,[^,]*,/, '');
          const fields = attributes(bare);
          const user = (fields.n ?? '').replace(/=2C/g, ',').replace(/=3D/g, '=');
          const password = users[user];
          if (password === undefined) throw new Error(`Authentication failed: unknown user ${user}`);
          const salt = randomBytes(16);
          const nonce = `${fields.r ?? ''}${randomBytes(12).toString('base64')}`;
          const serverFirst = `r=${nonce},s=${salt.toString('base64')},i=${iterations}`;
          first = { bare, serverFirst, nonce, salted: pbkdf2Sync(password, salt, iterations, 64, 'sha512'), user };
          return { reply: Buffer.from(serverFirst) };
        }
        const fields = attributes(message);
        if (fields.r !== first.nonce) throw new Error('Authentication failed: nonce mismatch');
        const withoutProof = message.slice(0, message.lastIndexOf(',p='));
        const authMessage = `${first.bare},${first.serverFirst},${withoutProof}`;
        const clientKey = hmac(first.salted, 'Client Key');
        const clientSignature = hmac(createHash('sha512').update(clientKey).digest(), authMessage);
        const expected = Buffer.from(clientKey.map((b, i) => b ^ (clientSignature[i] ?? 0)));
        const proof = Buffer.from(fields.p ?? '', 'base64');
        if (proof.length !== expected.length || !timingSafeEqual(proof, expected)) throw new Error(`Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512`);
        return { reply: Buffer.from(`v=${hmac(hmac(first.salted, 'Server Key'), authMessage).toString('base64')}`), principal: first.user };
      };
    },
  };
}

export interface MskIamServerOptions {
  region: string;
  /** Secret access keys by access key id. */
  keys: Readonly<Record<string, string>>;
  now: () => number;
}

export function mskIamServer({ region, keys, now }: MskIamServerOptions): SaslServer {
  return {
    mechanism: 'OAUTHBEARER',
    start() {
      return (bytes) => {
        // RFC 7628: kvpairs separated by SOH (0x01).
        const token = bytes.toString('utf8').split('\u0001').find((kv) => kv.startsWith('auth=Bearer '))?.slice('auth=Bearer '.length);
        if (token === undefined) throw new Error('Invalid OAUTHBEARER message');
        const url = new URL(Buffer.from(token, 'base64url').toString('utf8'));
        const q = url.searchParams;
        const [accessKeyId = '', , scopeRegion, service] = (q.get('X-Amz-Credential') ?? '').split('/');
        const secret = keys[accessKeyId];
        if (url.host !== `kafka.${region}.amazonaws.com` || scopeRegion !== region || service !== 'kafka-cluster') throw new Error('Token for another cluster region');
        if (q.get('Action') !== 'kafka-cluster:Connect' || q.get('X-Amz-SignedHeaders') !== 'host') throw new Error('Token not for kafka-cluster:Connect');
        if (secret === undefined || q.get('X-Amz-Signature') !== sigV4QuerySignature(url, secret)) throw new Error('Access denied: invalid signature');
        const signedAt = Date.parse((q.get('X-Amz-Date') ?? '').replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
        if (!(signedAt + Number(q.get('X-Amz-Expires')) * 1000 > now())) throw new Error('Token expired');
        return { reply: Buffer.alloc(0), principal: accessKeyId };
      };
    },
  };
}

/**
 * The SigV4 signature of a query-presigned GET with only `host` signed and an empty payload, from the
 * AWS documentation; `User-Agent` is not signed (the MSK signers add it after signing).
 */
export function sigV4QuerySignature(url: URL, secretAccessKey: string): string {
  const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const signed = [...url.searchParams.entries()].filter(([k]) => k !== 'X-Amz-Signature' && k !== 'User-Agent');
  const canonicalQuery = signed.map(([k, v]) => `${encode(k)}=${encode(v)}`).sort().join('&');
  const emptyPayload = createHash('sha256').update('').digest('hex');
  const canonicalRequest = ['GET', url.pathname, canonicalQuery, `host:${url.host}`, '', 'host', emptyPayload].join('\n');
  const amzDate = url.searchParams.get('X-Amz-Date') ?? '';
  const [, date = '', region = '', service = ''] = (url.searchParams.get('X-Amz-Credential') ?? '').split('/');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const sha256 = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const key = sha256(sha256(sha256(sha256(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

function attributes(message: string): Record<string, string> {
  return Object.fromEntries(message.split(',').map((part) => [part.slice(0, 1), part.slice(2)]));
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha512', key).update(data).digest();
}
