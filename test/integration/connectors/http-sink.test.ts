import { afterEach, describe, expect, it } from 'vitest';
import { HttpSinkConnector, httpSinkDescriptor } from '#lib/connectors/http/http-sink-connector';
import { BigDecimal } from '#lib/data/big-decimal';
import { ConnectDecimal } from '#lib/data/connect-decimal';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';
import { DataError, RetriableError } from '#lib/errors';
import type { SinkRecord } from '#lib/data/connect-record';
import type { SinkTask } from '#lib/plugin/sink-task';
import { useHttpServer } from '#test/support/http-server';
import { sinkRecord, sinkTaskContext, type SinkContextOptions, type TestSinkTaskContext } from '#test/unit/connectors/sink-task-context';

const server = useHttpServer();
const started: SinkTask[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((t) => t.stop()));
});

const ORDER = SchemaBuilder.struct().name('Order').field('id', Schema.INT64_SCHEMA).field('item', Schema.STRING_SCHEMA).field('amount', ConnectDecimal.schema(2)).field('raw', Schema.OPTIONAL_BYTES_SCHEMA).build();

function order(id: bigint, item: string): Struct {
  return new Struct(ORDER).put('id', id).put('item', item).put('amount', new BigDecimal(1999n, 2));
}

function orders(count: number, topic = 'orders', firstOffset = 0): SinkRecord[] {
  return Array.from({ length: count }, (_, i) => sinkRecord({ topic, offset: firstOffset + i, valueSchema: ORDER, value: order(BigInt(i + 1), `item${i + 1}`) }));
}

async function startSink(props: Record<string, string> = {}, options: SinkContextOptions = {}): Promise<{ task: SinkTask; context: TestSinkTaskContext }> {
  const task = httpSinkDescriptor.createTask();
  const context = sinkTaskContext(options);
  task.initialize(context);
  await task.start({ 'http.api.url': `${server.url}/events`, 'retry.backoff.ms': '1', ...props });
  started.push(task);
  return { task, context };
}

async function errorOf(work: unknown): Promise<unknown> {
  try {
    await work;
    return undefined;
  } catch (err) {
    return err;
  }
}

const bodies = (): unknown[] => server.requests.map((r) => JSON.parse(r.body) as unknown);

describe('HTTP sink batching', () => {
  it('posts the records of a put as one JSON array with Content-Type application/json', async () => {
    const { task } = await startSink();
    await task.put(orders(3));
    expect(server.requests.map((r) => [r.method, r.path, r.headers['content-type']])).toEqual([['POST', '/events', 'application/json']]);
    expect(bodies()).toEqual([[1, 2, 3].map((id) => ({ id, item: `item${id}`, amount: 19.99, raw: null }))]);
  });

  it('writes values as JsonConverter without schemas: exact 64-bit integers and decimals, base64 bytes, maps and strings', async () => {
    const { task } = await startSink();
    const big = new Struct(ORDER).put('id', 9223372036854775807n).put('item', 'x').put('amount', BigDecimal.parse('12345678901234567.89')).put('raw', new Uint8Array([1, 2, 255]));
    await task.put([
      sinkRecord({ valueSchema: ORDER, value: big }),
      sinkRecord({ offset: 1, value: new Map<string, unknown>([['k', 1n], ['nested', ['a', true]]]) }),
      sinkRecord({ offset: 2, valueSchema: Schema.STRING_SCHEMA, value: 'plain "text"' }),
    ]);
    expect(server.requests[0]?.body).toBe('[{"id":9223372036854775807,"item":"x","amount":12345678901234567.89,"raw":"AQL/"},{"k":1,"nested":["a",true]},"plain \\"text\\""]');
  });

  it('splits a put into requests of at most batch.max.size records, in order', async () => {
    const { task } = await startSink({ 'batch.max.size': '2' });
    await task.put(orders(5));
    expect(bodies().map((b) => (b as { id: number }[]).map((o) => o.id))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('sends each topic to its own URL when http.api.url contains ${topic}', async () => {
    const { task } = await startSink({ 'http.api.url': `${server.url}/topics/\${topic}` });
    await task.put([...orders(1, 'a'), ...orders(2, 'b'), ...orders(1, 'a', 1)]);
    expect(server.requests.map((r) => [r.path, (JSON.parse(r.body) as unknown[]).length])).toEqual([['/topics/a', 2], ['/topics/b', 2]]);
  });

  it('sends the configured method, headers and Basic authentication', async () => {
    const { task } = await startSink({ 'request.method': 'put', headers: 'X-Source:kafka|Content-Type:application/vnd.events+json|X-Url:http://a:1', 'auth.type': 'BASIC', 'connection.user': 'u', 'connection.password': 'p:w' });
    await task.put(orders(1));
    const [request] = server.requests;
    expect([request?.method, request?.headers['x-source'], request?.headers['content-type'], request?.headers['x-url'], request?.headers.authorization]).toEqual([
      'PUT', 'kafka', 'application/vnd.events+json', 'http://a:1', `Basic ${Buffer.from('u:p:w').toString('base64')}`,
    ]);
  });

  it('skips records with null values by default and reports them with behavior.on.null.values=fail', async () => {
    const { task } = await startSink();
    await task.put([...orders(1), sinkRecord({ offset: 1, value: null })]);
    const failing = await startSink({ 'behavior.on.null.values': 'fail' }, { withReporter: true });
    await failing.task.put([sinkRecord({ topic: 'orders', offset: 7, value: null }), ...orders(1, 'orders', 8)]);
    expect(bodies().map((b) => (b as unknown[]).length)).toEqual([1, 1]);
    expect(failing.context.reported.map((r) => (r.error as Error).message)).toEqual(['1 record (orders-0@7) has a null value (behavior.on.null.values=fail)']);
  });
});

describe('HTTP sink failures', () => {
  it('retries a batch answered with 5xx and then delivers it', async () => {
    server.respondWith({ status: 500 }, { status: 503, body: 'busy' });
    const { task } = await startSink();
    await task.put(orders(2));
    expect(server.requests.length).toBe(3);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
  });

  it('retries a dropped connection', async () => {
    server.respondWith({ drop: true });
    const { task } = await startSink();
    await task.put(orders(1));
    expect(server.requests.length).toBe(2);
  });

  it('retries a request that times out, then fails the put with a RetriableError after max.retries', async () => {
    server.setDefault({ status: 200, delayMs: 1000 });
    const { task, context } = await startSink({ 'http.request.timeout.ms': '100', 'max.retries': '1', 'retry.backoff.ms': '20' });
    const error = await errorOf(task.put(orders(1)));
    expect(error).toBeInstanceOf(RetriableError);
    expect((error as Error).message).toBe(`HTTP POST ${server.url}/events failed for 1 record (orders-0@0) after 1 retries: no response within 100 ms`);
    expect([server.requests.length, context.timeouts]).toEqual([2, [20]]);
  });

  it('puts again only the batches that were not delivered before a RetriableError', async () => {
    server.respondWith({ status: 200 }, { status: 500 }, { status: 500 });
    const { task } = await startSink({ 'batch.max.size': '2', 'max.retries': '1' });
    const batch = orders(4);
    await expect(task.put(batch)).rejects.toBeInstanceOf(RetriableError);
    await task.put(batch);
    expect(bodies().map((b) => (b as { id: number }[]).map((o) => o.id))).toEqual([[1, 2], [3, 4], [3, 4], [3, 4]]);
  });

  it('fails the put without retrying when the server answers 4xx, naming the records and the answer', async () => {
    server.respondWith({ status: 400, body: 'missing field x' });
    const { task } = await startSink();
    const error = await errorOf(task.put(orders(3, 'orders', 10)));
    expect(error).toBeInstanceOf(DataError);
    expect([(error as DataError).retriable, (error as Error).message]).toEqual([false, `HTTP POST ${server.url}/events rejected 3 records (orders-0@10..12): 400 Bad Request: missing field x`]);
    expect(server.requests.length).toBe(1);
  });

  it('reports every record of a rejected batch to the errant record reporter and sends the next batch', async () => {
    server.respondWith({ status: 422 });
    const { task, context } = await startSink({ 'batch.max.size': '2' }, { withReporter: true });
    await task.put(orders(3));
    expect(context.reported.map((r) => r.record.kafkaOffset)).toEqual([0n, 1n]);
    expect(server.requests.length).toBe(2);
  });

  it('waits at least what Retry-After asks for', async () => {
    server.respondWith({ status: 429, headers: { 'retry-after': '1' } });
    const { task } = await startSink();
    const startedAt = Date.now();
    await task.put(orders(1));
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
  });
});

describe('HTTP sink validation', () => {
  const errors = async (props: Record<string, string>): Promise<Record<string, string[]>> => {
    const values = await new HttpSinkConnector().validate({ 'http.api.url': 'http://localhost/x', ...props });
    return Object.fromEntries(values.filter((v) => v.errorMessages.length > 0).map((v) => [v.name, v.errorMessages]));
  };

  it('accepts a complete config', async () => {
    expect(await errors({ headers: 'A:1;B:2', 'header.separator': ';', 'auth.type': 'basic', 'connection.user': 'u' })).toEqual({});
  });

  it('rejects a URL that is not http(s), headers without a colon, and BASIC without a user', async () => {
    expect(await errors({ 'http.api.url': 'ftp://x' })).toEqual({ 'http.api.url': ['Invalid value ftp://x for configuration http.api.url: Must be an absolute http or https URL'] });
    expect(await errors({ headers: 'A:1|broken' })).toEqual({ headers: ["Invalid value A:1|broken for configuration headers: Invalid header 'broken': expected Name:Value"] });
    expect(await errors({ 'auth.type': 'BASIC' })).toEqual({ 'connection.user': ['Invalid value null for configuration connection.user: Must be set when auth.type is BASIC'] });
  });
});
