/**
 * The Lambda path end to end, in-process: the REST function creates a FileStreamSource connector;
 * the dispatcher function, given EventBridge's scheduled event, invokes the source-task function
 * through @aws-sdk/client-lambda against a local endpoint that speaks Lambda's Invoke API and runs
 * functions/source-task's handler; the records land in the broker. Environment as on AWS, read
 * once by the composition root (this file runs in its own process).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, Context, ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaContext } from '#lib/standalone/lambda-context';
import { startEmbeddedKafka, type EmbeddedKafka } from '#lib/standalone/embedded-kafka';
import { ensureTable } from '#lib/store/dynamodb/index';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';
import { readTopic } from './source-stack';

const FUNCTION = 'lc-source-task';
const scheduledEvent = JSON.parse(readFileSync(new URL('../../fixtures/events/scheduled-event.json', import.meta.url), 'utf8')) as ScheduledEvent;
let dynalite: DynaliteInstance;
let kafka: EmbeddedKafka;
let lambdaApi: Server;
let dir: string;
const invocations: Promise<unknown>[] = [];
const results: unknown[] = [];

type Handler<E, R> = (event: E, context: Context) => Promise<R>;
let sourceTask: Handler<unknown, unknown>;
let dispatcher: Handler<ScheduledEvent, { sources: { invoked: unknown[]; failed: unknown[] } }>;
let connectApi: Handler<APIGatewayProxyEventV2, { statusCode?: number; body?: string }>;

function context(functionName: string, timeoutMs = 90_000): Context {
  return createLambdaContext({ functionName, awsRequestId: crypto.randomUUID(), timeoutMs, region: 'us-east-1', accountId: '123456789012' });
}

beforeAll(async () => {
  [dynalite, kafka] = await Promise.all([startDynalite(), startEmbeddedKafka()]);
  await ensureTable(dynalite.client, 'lambda-connect');
  dir = await mkdtemp(join(tmpdir(), 'lambda-functions-'));
  // Lambda's Invoke API: queue (202 at once), then run the handler as an asynchronous invocation would.
  lambdaApi = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const name = decodeURIComponent(req.url ?? '').split('/')[3];
      if (name !== FUNCTION || req.headers['x-amz-invocation-type'] !== 'Event') return void res.writeHead(400).end();
      res.writeHead(202).end();
      invocations.push(sourceTask(JSON.parse(body), context(FUNCTION)).then((r) => results.push(r)));
    });
  });
  await new Promise<void>((resolve) => lambdaApi.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynalite.endpoint,
    LAMBDA_CONNECT_TABLE: 'lambda-connect',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    KAFKA_BROKERS: kafka.bootstrapServers.join(','),
    SOURCE_TASK_FUNCTION: FUNCTION,
    LAMBDA_ENDPOINT: `http://127.0.0.1:${(lambdaApi.address() as AddressInfo).port}`,
    CONNECT_OFFSET_FLUSH_INTERVAL_MS: '0',
    LOG_LEVEL: 'ERROR',
  });
  ({ handler: sourceTask } = (await import('#functions/source-task')) as unknown as { handler: typeof sourceTask });
  ({ handler: dispatcher } = (await import('#functions/source-dispatcher')) as unknown as { handler: typeof dispatcher });
  ({ handler: connectApi } = (await import('#functions/connect-api')) as unknown as { handler: typeof connectApi });
});

afterAll(async () => {
  await new Promise((resolve) => lambdaApi?.close(resolve));
  await Promise.all([dynalite?.stop(), kafka?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

async function settle(): Promise<void> {
  while (invocations.length > 0) await Promise.all(invocations.splice(0));
}

function restEvent(method: string, path: string, body: unknown): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' } },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

describe('the source functions on the Lambda path', () => {
  it('dispatch a FileStreamSource from the schedule event and deliver its lines in JsonConverter format', async () => {
    const file = join(dir, 'lines.txt');
    await writeFile(file, 'alpha\nbeta\ngamma\n');
    const created = await connectApi(restEvent('POST', '/connectors', { name: 'lines', config: { 'connector.class': 'FileStreamSource', file, topic: 'lines-topic' } }), context('lc-connect-api'));
    expect(created.statusCode).toBe(201);

    const dispatched = await dispatcher(scheduledEvent, context('lc-source-dispatcher'));
    expect(dispatched).toEqual({ sources: { invoked: [{ connector: 'lines', taskId: 0, generation: 1 }], failed: [] } });
    await settle();

    expect(results).toEqual([expect.objectContaining({ connector: 'lines', outcome: 'completed', reason: 'idle', produced: 3, commits: 1 })]);
    // No key: the partitioner spreads the lines over the topic's partitions.
    const values = (await readTopic(kafka.bootstrapServers, 'lines-topic')).map((r) => r.value).sort();
    expect(values).toEqual(['alpha', 'beta', 'gamma'].map((line) => `{"schema":{"type":"string","optional":false},"payload":"${line}"}`));
  });

  it('report a malformed source-task event as a bad request', async () => {
    await expect(sourceTask({ connector: 'lines' }, context(FUNCTION))).rejects.toThrow('Invalid source task event: taskId must be an integer >= 0');
  });
});
