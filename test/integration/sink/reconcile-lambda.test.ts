/**
 * The periodic reconcile on the Lambda path, in-process: the REST function and the dispatcher
 * function (given EventBridge's scheduled event) over dynalite and the mock-cluster broker, with
 * the event source mappings made through @aws-sdk/client-lambda against a local server speaking
 * Lambda's alias and ESM API (AWS's control plane has no local stand-in). Environment as on AWS,
 * read once by the composition root (this file runs in its own process).
 */
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, Context, ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import type { TickSummary } from '#lib/runtime/tick';
import { createLambdaContext } from '#lib/standalone/lambda-context';
import { ensureTable } from '#lib/store/dynamodb/index';
import { startLambdaApiServer, type LambdaApiServer } from '#test/contracts/lambda-api-server';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';
import { useTestKafka } from '#test/support/kafka';

const scheduledEvent = JSON.parse(readFileSync(new URL('../../fixtures/events/scheduled-event.json', import.meta.url), 'utf8')) as ScheduledEvent;
const kafka = useTestKafka();
let dynalite: DynaliteInstance;
let api: LambdaApiServer;

type Handler<E, R> = (event: E, context: Context) => Promise<R>;
let dispatcher: Handler<ScheduledEvent, TickSummary>;
let connectApi: Handler<APIGatewayProxyEventV2, { statusCode?: number; body?: string }>;

const context = (functionName: string): Context => createLambdaContext({ functionName, awsRequestId: crypto.randomUUID(), timeoutMs: 30_000, region: 'us-east-1', accountId: '123456789012' });

beforeAll(async () => {
  [dynalite, api] = await Promise.all([startDynalite(), startLambdaApiServer({ pageSize: 2 })]);
  await ensureTable(dynalite.client, 'lambda-connect');
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynalite.endpoint,
    LAMBDA_CONNECT_TABLE: 'lambda-connect',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    KAFKA_BROKERS: kafka().brokers.join(','),
    SINK_TASK_FUNCTION: 'sink-task',
    LAMBDA_ENDPOINT: api.endpoint,
    LOG_LEVEL: 'ERROR',
  });
  ({ handler: dispatcher } = (await import('#functions/source-dispatcher')) as unknown as { handler: typeof dispatcher });
  ({ handler: connectApi } = (await import('#functions/connect-api')) as unknown as { handler: typeof connectApi });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await dynalite?.stop();
});

function rest(method: string, path: string, body?: unknown): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' } },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

const createSink = async (name: string, topics: Record<string, string>) =>
  (await connectApi(rest('POST', '/connectors', { name, config: { 'connector.class': 'FileStreamSink', file: `/tmp/${name}.txt`, ...topics } }), context('lc-connect-api'))).statusCode;
const mappingsOf = (name: string) => [...api.mappings.values()].filter((m) => m.FunctionArn.endsWith(`:function:sink-task:${aliasFor(name)}`));
const tick = () => dispatcher(scheduledEvent, context('lc-source-dispatcher'));

describe('the dispatcher tick on the Lambda API', () => {
  it('creates the mapping whose creation was throttled after the connector was stored', async () => {
    const name = kafka().unique('throttled-sink');
    // Every attempt (the SDK's standard mode makes 3) of the hook's first call, creating the alias.
    api.throttleNext('POST', 3);
    expect(await createSink(name, { topics: 'orders' })).toBe(201);
    expect(mappingsOf(name)).toEqual([]);
    const summary = await tick();
    expect(summary.sinks).toMatchObject({ created: 1, failed: 0 });
    expect(mappingsOf(name).map((m) => [m.Topics, m.SelfManagedKafkaEventSourceConfig])).toEqual([[['orders'], { ConsumerGroupId: `connect-${name}` }]]);
  });

  it('re-creates a mapping deleted in the console', async () => {
    const name = kafka().unique('console-sink');
    await createSink(name, { topics: 'orders' });
    const [before] = mappingsOf(name);
    api.mappings.delete(before!.UUID);
    expect((await tick()).sinks).toMatchObject({ created: 1 });
    expect(mappingsOf(name).map((m) => m.SelfManagedKafkaEventSourceConfig)).toEqual([{ ConsumerGroupId: `connect-${name}` }]);
  });

  it('gives a topics.regex connector a mapping for a topic created after it', async () => {
    const prefix = kafka().unique('late');
    const name = kafka().unique('regex-sink');
    await createSink(name, { 'topics.regex': `${prefix}-.*` });
    expect(mappingsOf(name)).toEqual([]);
    await kafka().produce(`${prefix}-eu`, [{ value: 'x', partition: 0 }]);
    await tick();
    expect(mappingsOf(name).map((m) => m.Topics)).toEqual([[`${prefix}-eu`]]);
  });

  it('deletes a mapping whose connector was deleted while it was being created', async () => {
    const name = kafka().unique('orphan-sink');
    await createSink(name, { topics: 'orders' });
    const [late] = mappingsOf(name);
    expect((await connectApi(rest('DELETE', `/connectors/${name}`), context('lc-connect-api'))).statusCode).toBe(204);
    api.mappings.set(late!.UUID, late!);
    expect((await tick()).sinks).toMatchObject({ deleted: 1, failed: 0 });
    expect(mappingsOf(name)).toEqual([]);
  });
});
