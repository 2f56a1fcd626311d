/**
 * A real lambda-connect worker for integration tests: the Lambda handler of functions/connect-api
 * behind the standalone HTTP server, over DynamoDB on an in-process dynalite. Requests go through
 * HTTP → API Gateway v2 event → handler → herder → DynamoDB, exactly as in standalone mode.
 * The handler's composition root reads the environment once, so use one worker per test file.
 */
import { ensureTable } from '#lib/store/dynamodb/index';
import { startHttpServer } from '#lib/standalone/http-server';
import { startDynalite } from './dynalite';

export interface TestWorker {
  url: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  stop(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined for an empty body. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function startTestWorker(env: Record<string, string> = {}): Promise<TestWorker> {
  const dynamo = await startDynalite();
  const tableName = 'lambda-connect-test';
  await ensureTable(dynamo.client, tableName);
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    LAMBDA_CONNECT_TABLE: tableName,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    CONNECT_REST_ADVERTISED_HOST_NAME: '127.0.0.1',
    LOG_LEVEL: 'ERROR',
    ...env,
  });
  const { handler } = await import('#functions/connect-api');
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, handler });
  // Read lazily on the first request, so the advertised port can be the one just bound.
  process.env.CONNECT_REST_ADVERTISED_PORT ??= String(server.port);
  const url = server.url.replace(/\/$/, '');
  return {
    url,
    async request(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${url}${path}`, init);
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      await server.close();
      await dynamo.stop();
    },
  };
}
