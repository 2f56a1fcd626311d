/**
 * Turns one received HTTP request into a payload format 2.0 event (`$default` route and stage), the
 * format both of AWS's HTTP front doors for Lambda use; they differ in one point that matters here:
 *
 * - `encoded` (default): `rawPath` exactly as received, percent-encoded, as a Lambda Function URL
 *   delivers it — so the event also carries a Function URL's `domainName`
 *   (`<apiId>.lambda-url.<region>.on.aws`) and `accountId: 'anonymous'`, which is how the REST adapter
 *   recognises an encoded path. Connector names containing `/` (`%2F`) stay reachable.
 * - `decoded`: as API Gateway HTTP API delivers it — `rawPath` percent-decoded (a `%2F` is lost) and
 *   `domainName` the Host header.
 *
 * The real Host header is in `headers.host` either way.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { eventBody } from './http-api-body';
import { queryStringParameters } from './query-string';

/** What the server knows about one request once its body is read. */
export interface ReceivedRequest {
  method: string;
  /** The request target as received (origin form `/path?query`, or absolute form). */
  url: string;
  httpVersion: string;
  /** Node's `rawHeaders`: names and values alternating, in arrival order, case as sent. */
  rawHeaders: string[];
  remoteAddress: string | undefined;
  localPort: number;
  body: Buffer;
  receivedAt: Date;
}

export type PathEncoding = 'encoded' | 'decoded';

export interface EventIds {
  apiId: string;
  requestId: string;
  traceId: string;
  region: string;
}

/** The account id dynalite and the local Lambda context use too. */
export const LOCAL_ACCOUNT_ID = '000000000000';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function toHttpApiEvent(request: ReceivedRequest, ids: EventIds, pathEncoding: PathEncoding = 'encoded'): APIGatewayProxyEventV2 {
  const target = splitTarget(request.url);
  const rawPath = pathEncoding === 'encoded' ? target.rawPath : decodePath(target.rawPath);
  const rawQueryString = target.rawQueryString;
  const { headers, cookies } = collectHeaders(request.rawHeaders);
  const sourceIp = clientAddress(request.remoteAddress);
  const forwardedFor = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor === undefined ? sourceIp : `${forwardedFor}, ${sourceIp}`;
  headers['x-forwarded-port'] = String(request.localPort);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] = ids.traceId;
  const functionUrl = pathEncoding === 'encoded';
  const domainName = functionUrl ? `${ids.apiId}.lambda-url.${ids.region}.on.aws` : (headers.host ?? 'localhost');
  const query = queryStringParameters(rawQueryString);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: functionUrl ? 'anonymous' : LOCAL_ACCOUNT_ID,
      apiId: ids.apiId,
      domainName,
      domainPrefix: domainName.split(/[.:]/)[0] ?? domainName,
      http: {
        method: request.method.toUpperCase(),
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: ids.requestId,
      routeKey: '$default',
      stage: '$default',
      time: clfTime(request.receivedAt),
      timeEpoch: request.receivedAt.getTime(),
    },
    ...eventBody(request.body, headers['content-type']),
  };
}

function splitTarget(url: string): { rawPath: string; rawQueryString: string } {
  const originForm = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i, '');
  const question = originForm.indexOf('?');
  const path = question < 0 ? originForm : originForm.slice(0, question);
  return { rawPath: path === '' ? '/' : path, rawQueryString: question < 0 ? '' : originForm.slice(question + 1) };
}

/** Lower-cased names; repeated headers joined with commas. Cookie headers move to `cookies`, one entry
 *  per cookie, and are not repeated in `headers` (as API Gateway does). */
function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

function collectHeaders(rawHeaders: string[]): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  const cookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = rawHeaders[i + 1] ?? '';
    if (name === 'cookie') cookies.push(...value.split(';').map((c) => c.trim()).filter((c) => c !== ''));
    else headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  return { headers: { ...headers }, cookies };
}

function clientAddress(remoteAddress: string | undefined): string {
  if (remoteAddress === undefined) return '127.0.0.1';
  return remoteAddress.startsWith('::ffff:') ? remoteAddress.slice('::ffff:'.length) : remoteAddress;
}

/** API Gateway's `time`: `21/Nov/2026:08:08:53 +0000`. */
function clfTime(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}`;
  return `${day}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
