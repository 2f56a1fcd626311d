/**
 * The local stand-in for API Gateway HTTP API: a node:http server that hands every request to a Lambda
 * handler as a payload 2.0 event and writes back what the handler returned. Requests run concurrently
 * (one process plays every Lambda instance). Failures the server answers itself (oversized body,
 * handler crash, malformed result) use Kafka Connect's `{error_code, message}` body.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { createLogger } from '#lib/logging/logger';
import { LOCAL_ACCOUNT_ID, toHttpApiEvent, type PathEncoding } from './http-api-event';
import { connectErrorResponse, toHttpResponse, type HttpResponse } from './http-api-result';
import { createLambdaContext } from './lambda-context';
import { declaredTooLarge, readRequestBody } from './request-body';
import { listenOn } from './listen';

/** Any function with the Lambda handler shape; the result is checked at run time like API Gateway does. */
export type HttpApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

export interface HttpServerOptions {
  host: string;
  port: number;
  handler: HttpApiHandler;
  /** Request bodies above this get 413. Default 6 MiB (Lambda's synchronous payload limit). */
  maxBodyBytes?: number;
  functionName?: string;
  /** Region in ARNs and the Function URL domain name. Default `local`. */
  region?: string;
  /** `encoded` (default): raw paths as received, like a Lambda Function URL; `decoded`: like API Gateway
   *  HTTP API, which percent-decodes `rawPath`. See http-api-event.ts. */
  pathEncoding?: PathEncoding;
  /** What `context.getRemainingTimeInMillis()` counts down from. Default 30 s (API Gateway's limit). */
  timeoutMs?: number;
  /** How long close() lets in-flight requests finish before cutting connections. Default 10 s. */
  closeGraceMs?: number;
}

export interface RunningHttpServer {
  /** A URL this machine can reach the server on (loopback when bound to every interface). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 6 * 1024 * 1024;
const log = createLogger('lambda_connect.standalone.http');

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const region = options.region ?? 'local';
  let closing = false;
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    void serve(req, res).catch((err: unknown) => {
      log.error('Failed to answer request', { method: req.method, url: req.url, error: err });
      if (!res.headersSent) send(res, connectErrorResponse(500, 'Internal Server Error'), true);
      else res.destroy();
    });
  });
  // Refuse an announced oversized body before the client sends it (Expect: 100-continue).
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (declaredTooLarge(req, maxBodyBytes)) send(res, tooLarge(maxBodyBytes), true);
    else {
      res.writeContinue();
      server.emit('request', req, res);
    }
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = new Date();
    const read = await readRequestBody(req, maxBodyBytes);
    if (read.tooLarge) return send(res, tooLarge(maxBodyBytes), read.declared || closing);
    const awsRequestId = randomUUID();
    const event = toHttpApiEvent(
      {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        httpVersion: req.httpVersion,
        rawHeaders: req.rawHeaders,
        remoteAddress: req.socket.remoteAddress,
        localPort: req.socket.localPort ?? 0,
        body: read.body,
        receivedAt,
      },
      { apiId: 'standalone', region, requestId: randomBytes(11).toString('base64'), traceId: traceId(receivedAt) },
      options.pathEncoding,
    );
    const context = createLambdaContext({
      functionName: options.functionName ?? 'lambda-connect-api',
      awsRequestId,
      timeoutMs: options.timeoutMs ?? 30_000,
      region,
      accountId: LOCAL_ACCOUNT_ID,
    });
    send(res, await invoke(options.handler, event, context), closing);
  }

  const port = await listenOn(server, options.host, options.port);
  return {
    url: `http://${reachableHost(options.host)}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        const force = setTimeout(() => server.closeAllConnections(), options.closeGraceMs ?? 10_000);
        force.unref();
        server.close((err) => {
          clearTimeout(force);
          if (err) reject(err);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

async function invoke(handler: HttpApiHandler, event: APIGatewayProxyEventV2, context: Context): Promise<HttpResponse> {
  try {
    return toHttpResponse(await handler(event, context));
  } catch (err) {
    log.error('Handler failed', { awsRequestId: context.awsRequestId, method: event.requestContext.http.method, path: event.rawPath, error: err });
    return connectErrorResponse(500, 'Internal Server Error');
  }
}

function send(res: ServerResponse, response: HttpResponse, closeConnection: boolean): void {
  res.statusCode = response.statusCode;
  for (const [name, value] of response.headers) res.appendHeader(name, value);
  res.setHeader('content-length', response.body.length);
  if (closeConnection) res.setHeader('connection', 'close');
  res.end(response.body);
}

function tooLarge(maxBodyBytes: number): HttpResponse {
  return connectErrorResponse(413, `Request body is larger than the limit of ${maxBodyBytes} bytes`);
}

function traceId(at: Date): string {
  return `Root=1-${Math.floor(at.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
}

function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
