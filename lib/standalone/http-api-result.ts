/**
 * Turns what a Lambda integration returned into the HTTP response API Gateway HTTP API (payload 2.0)
 * would send. A result with a `statusCode` is structured (headers, multiValueHeaders, cookies, body,
 * isBase64Encoded); any other JSON value is sent as a 200 `application/json` body, as API Gateway infers.
 */

export interface HttpResponse {
  statusCode: number;
  /** Names as the handler wrote them; a name may repeat (set-cookie). */
  headers: [string, string][];
  body: Buffer;
}

/** Thrown for a result API Gateway would reject with a 500 (bad status code, non-string body). */
export class MalformedResultError extends Error {
  override readonly name = 'MalformedResultError';
}

export function toHttpResponse(result: unknown): HttpResponse {
  if (!isObject(result) || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: [['content-type', 'application/json']], body: Buffer.from(body) };
  }
  const { statusCode, body, isBase64Encoded } = result;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new MalformedResultError(`statusCode must be an integer from 100 to 599, got ${JSON.stringify(statusCode)}`);
  }
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw new MalformedResultError(`body must be a string, got ${typeof body}`);
  }
  const text = body ?? '';
  return {
    statusCode,
    headers: [...singleHeaders(result.headers), ...multiHeaders(result.multiValueHeaders), ...cookieHeaders(result.cookies)],
    body: isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text),
  };
}

/** Kafka Connect's error body, for failures the server answers itself (413, handler crash). */
export function connectErrorResponse(statusCode: number, message: string): HttpResponse {
  return {
    statusCode,
    headers: [['content-type', 'application/json']],
    body: Buffer.from(JSON.stringify({ error_code: statusCode, message })),
  };
}

function singleHeaders(headers: unknown): [string, string][] {
  if (!isObject(headers)) return [];
  return Object.entries(headers)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => [name, String(value)]);
}

function multiHeaders(headers: unknown): [string, string][] {
  if (!isObject(headers)) return [];
  return Object.entries(headers).flatMap(([name, values]) =>
    Array.isArray(values) ? values.map((value): [string, string] => [name, String(value)]) : [],
  );
}

function cookieHeaders(cookies: unknown): [string, string][] {
  if (!Array.isArray(cookies)) return [];
  return cookies.map((cookie): [string, string] => ['set-cookie', String(cookie)]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
