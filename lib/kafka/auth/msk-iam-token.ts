/**
 * The MSK IAM authentication token, as AWS's aws-msk-iam-sasl-signer-js builds it: a SigV4
 * presigned `GET https://kafka.<region>.amazonaws.com/?Action=kafka-cluster%3AConnect` (service
 * `kafka-cluster`, signed header `host`, at most 900 s), with `User-Agent` added to the query after
 * signing, the URL encoded as base64url without padding. Brokers accept it as the SASL OAUTHBEARER
 * token and check the signature and the caller's `kafka-cluster:Connect` permission.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { KafkaAuthError } from './errors';
import { NodeSha256 } from './sha256';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** When temporary credentials stop working; the token never outlives them. */
  expiration?: Date;
}

export type AwsCredentialsProvider = () => Promise<AwsCredentials>;

export interface MskIamTokenOptions {
  region: string;
  credentials: AwsCredentialsProvider;
  /** Default `lambda-connect`; the signer library sends `aws-msk-iam-sasl-signer-js/<version>`. */
  userAgent?: string;
  now?: () => number;
}

export interface MskIamToken {
  token: string;
  /** Epoch milliseconds after which brokers refuse the token. */
  expiresAt: number;
}

export const MSK_IAM_SIGNING_SERVICE = 'kafka-cluster';
export const MSK_IAM_ACTION = 'kafka-cluster:Connect';
export const MSK_IAM_MAX_EXPIRY_SECONDS = 900;

export async function createMskIamToken({ region, credentials, userAgent = 'lambda-connect', now = Date.now }: MskIamTokenOptions): Promise<MskIamToken> {
  if (!region) throw new KafkaAuthError('MSK IAM authentication needs a region (AWS_REGION)');
  const identity = await credentials();
  if (!identity.accessKeyId || !identity.secretAccessKey) throw new KafkaAuthError('MSK IAM authentication found no AWS credentials');
  const signingTime = now();
  const expiresIn = expirySeconds(identity, signingTime);
  const hostname = `kafka.${region}.amazonaws.com`;
  const signer = new SignatureV4({ service: MSK_IAM_SIGNING_SERVICE, region, credentials: identity, sha256: NodeSha256, applyChecksum: false });
  const signed = await signer.presign(
    { method: 'GET', protocol: 'https:', hostname, path: '/', headers: { host: hostname }, query: { Action: MSK_IAM_ACTION } },
    { expiresIn, signingDate: new Date(signingTime) },
  );
  const query: Record<string, string> = { ...stringQuery(signed.query ?? {}), 'User-Agent': userAgent };
  const url = `https://${hostname}/?${queryString(query)}`;
  // Whole seconds of the signing time, as X-Amz-Date carries them.
  const signedAt = Math.floor(signingTime / 1000) * 1000;
  return { token: Buffer.from(url, 'utf8').toString('base64url'), expiresAt: signedAt + expiresIn * 1000 };
}

/** 900 s, or less when the credentials expire sooner (whole seconds; expired credentials fail). */
function expirySeconds(identity: AwsCredentials, now: number): number {
  if (identity.expiration === undefined) return MSK_IAM_MAX_EXPIRY_SECONDS;
  const left = Math.floor((identity.expiration.getTime() - now) / 1000);
  if (left <= 0) throw new KafkaAuthError(`The AWS credentials for MSK IAM authentication expired at ${identity.expiration.toISOString()}`);
  return Math.min(left, MSK_IAM_MAX_EXPIRY_SECONDS);
}

function stringQuery(query: Record<string, string | string[] | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])));
}

/** Keys sorted, keys and values URI-escaped as the SDK's URL formatter does (RFC 3986 unreserved kept). */
function queryString(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((key) => `${escapeUri(key)}=${escapeUri(query[key] ?? '')}`)
    .join('&');
}

function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
