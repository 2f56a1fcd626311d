/**
 * API Gateway HTTP API (payload format 2.0) ↔ ApiRequest/ApiResponse. The only place that sees the
 * event shape.
 *
 * - Query: `rawQueryString`, never `queryStringParameters` (which joins a repeated `expand` into
 *   "status,info", a different request in Connect's eyes).
 * - Path: HTTP APIs hand over `rawPath` percent-DECODED (Function URLs keep it encoded), so it is
 *   re-encoded segment by segment; a `%2F` inside a name is lost before we see it, so names
 *   containing `/` are only reachable through Function URLs or the standalone server.
 * - A named stage's prefix (`/prod/...`) is removed; the `$default` stage has none.
 * - Base64 bodies are decoded as UTF-8.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { encodePathSegment } from './path';
import type { ApiRequest, ApiResponse } from './types';

export interface ApiGatewayV2Options {
  /** How `rawPath` arrives; by default Function URLs are 'encoded' and HTTP APIs 'decoded'. */
  pathEncoding?: 'decoded' | 'encoded';
}

export function fromApiGatewayV2(event: APIGatewayProxyEventV2, options: ApiGatewayV2Options = {}): ApiRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const request: ApiRequest = {
    method: event.requestContext.http.method,
    path: requestPath(event, options),
    rawQuery: event.rawQueryString ?? '',
    headers,
  };
  if (event.body !== undefined) {
    request.body = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  }
  return request;
}

export function toApiGatewayV2(res: ApiResponse): APIGatewayProxyStructuredResultV2 {
  const result: APIGatewayProxyStructuredResultV2 = { statusCode: res.statusCode, headers: { ...res.headers }, isBase64Encoded: false };
  if (res.body !== undefined) result.body = res.body;
  return result;
}

function requestPath(event: APIGatewayProxyEventV2, options: ApiGatewayV2Options): string {
  const stage = event.requestContext.stage;
  let path = event.rawPath || '/';
  if (stage && stage !== '$default' && (path === `/${stage}` || path.startsWith(`/${stage}/`))) {
    path = path.slice(stage.length + 1) || '/';
  }
  const functionUrl = event.requestContext.domainName?.includes('.lambda-url.') ?? false;
  const encoding = options.pathEncoding ?? (functionUrl ? 'encoded' : 'decoded');
  return encoding === 'encoded' ? path : path.split('/').map(encodePathSegment).join('/');
}
