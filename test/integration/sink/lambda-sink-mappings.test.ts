/**
 * The Lambda adapter of the mappings port through @aws-sdk/client-lambda, against a local HTTP
 * server that speaks the REST-JSON routes of Lambda's alias and event source mapping API and keeps
 * what it is sent. Checks the requests' shape (MSK vs self-managed, group id, access
 * configurations), paging, idempotent deletes, and the reconcile over it.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaSinkMappings } from '#lib/runtime/sink/mappings/lambda-sink-mappings';
import type { KafkaEventSourceSettings } from '#lib/runtime/sink/mappings/kafka-event-source';

interface StoredMapping {
  UUID: string;
  FunctionArn: string;
  State: string;
  [key: string]: unknown;
}

const mappings = new Map<string, StoredMapping>();
const aliases = new Set<string>();
const requests: Array<{ method: string; path: string; body: Record<string, unknown> }> = [];
let server: Server;
let endpoint: string;
let counter = 0;

function send(res: ServerResponse, status: number, body: unknown, error?: string): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(error ? { 'x-amzn-errortype': error } : {}) });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      requests.push({ method: req.method ?? '', path: url.pathname, body });
      const esm = /^\/2015-03-31\/event-source-mappings\/?([^/]*)$/.exec(url.pathname);
      const alias = /^\/2015-03-31\/functions\/([^/]+)\/aliases\/?([^/]*)$/.exec(url.pathname);
      if (esm && req.method === 'POST') {
        const UUID = `uuid-${++counter}`;
        const m: StoredMapping = { ...body, UUID, FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${String(body.FunctionName)}`, State: body.Enabled === false ? 'Disabled' : 'Creating' };
        mappings.set(UUID, m);
        return send(res, 202, m);
      }
      if (esm && req.method === 'GET') {
        const fn = url.searchParams.get('FunctionName') ?? '';
        const all = [...mappings.values()].filter((m) => m.FunctionArn.endsWith(`:function:${fn}`));
        const start = Number(url.searchParams.get('Marker') ?? 0);
        const page = all.slice(start, start + 1);
        return send(res, 200, { EventSourceMappings: page, ...(start + 1 < all.length ? { NextMarker: String(start + 1) } : {}) });
      }
      if (esm && req.method === 'PUT') {
        const m = mappings.get(decodeURIComponent(esm[1] ?? ''));
        if (!m) return send(res, 404, { message: 'not found' }, 'ResourceNotFoundException');
        Object.assign(m, body, { State: body.Enabled === false ? 'Disabled' : 'Enabled' });
        return send(res, 202, m);
      }
      if (esm && req.method === 'DELETE') {
        const id = decodeURIComponent(esm[1] ?? '');
        if (!mappings.delete(id)) return send(res, 404, { message: 'not found' }, 'ResourceNotFoundException');
        return send(res, 202, { UUID: id, State: 'Deleting' });
      }
      if (alias && req.method === 'POST') {
        const name = String(body.Name);
        if (aliases.has(name)) return send(res, 409, { message: 'exists' }, 'ResourceConflictException');
        aliases.add(name);
        return send(res, 201, { Name: name, FunctionVersion: body.FunctionVersion });
      }
      if (alias && req.method === 'DELETE') {
        if (!aliases.delete(decodeURIComponent(alias[2] ?? ''))) return send(res, 404, { message: 'none' }, 'ResourceNotFoundException');
        res.writeHead(204).end();
        return;
      }
      send(res, 400, { message: `unexpected ${req.method} ${url.pathname}` }, 'InvalidParameterValueException');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function port(source: KafkaEventSourceSettings) {
  const client = new LambdaClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  return createLambdaSinkMappings({ client, functionName: 'sink-task', source });
}

const SELF_MANAGED: KafkaEventSourceSettings = { bootstrapServers: ['k1:9092', 'k2:9092'], auth: 'scram-sha-512', secretArn: 'arn:secret', subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] };
const MSK: KafkaEventSourceSettings = { clusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/abc', bootstrapServers: [], auth: 'msk-iam', subnetIds: [], securityGroupIds: [] };
const desired = { alias: 'lc-1', topic: 'orders', groupId: 'connect-orders-sink', batchSize: 500, batchingWindowSeconds: 1, enabled: true };

describe('Lambda event source mappings', () => {
  it('creates a self-managed mapping on the alias with the group, TRIM_HORIZON and access configurations', async () => {
    const p = port(SELF_MANAGED);
    await p.ensureAlias('lc-1');
    await p.ensureAlias('lc-1');
    const created = await p.create(desired);
    const sent = requests.find((r) => r.method === 'POST' && /event-source-mappings\/?$/.test(r.path))?.body;
    expect(sent).toMatchObject({
      FunctionName: 'sink-task:lc-1',
      Topics: ['orders'],
      BatchSize: 500,
      MaximumBatchingWindowInSeconds: 1,
      StartingPosition: 'TRIM_HORIZON',
      Enabled: true,
      SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['k1:9092', 'k2:9092'] } },
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'connect-orders-sink' },
      SourceAccessConfigurations: [
        { Type: 'SASL_SCRAM_512_AUTH', URI: 'arn:secret' },
        { Type: 'VPC_SUBNET', URI: 'subnet:subnet-1' },
        { Type: 'VPC_SECURITY_GROUP', URI: 'security_group:sg-1' },
      ],
    });
    expect(await p.list('lc-1')).toEqual([{ ...desired, uuid: created.uuid }]);
  });

  it('creates an MSK mapping from the cluster ARN, lists across pages, updates and deletes idempotently', async () => {
    const p = port(MSK);
    const a = await p.create({ ...desired, alias: 'lc-2', topic: 'a', groupId: 'connect-x.a' });
    const b = await p.create({ ...desired, alias: 'lc-2', topic: 'b', groupId: 'connect-x.b' });
    const sent = requests.filter((r) => r.method === 'POST' && /event-source-mappings\/?$/.test(r.path)).at(-1)?.body;
    expect(sent).toMatchObject({ EventSourceArn: MSK.clusterArn, AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'connect-x.b' } });
    expect(sent?.SourceAccessConfigurations).toBeUndefined();
    expect((await p.list('lc-2')).map((m) => m.topic)).toEqual(['a', 'b']);
    await p.update(a.uuid, { batchSize: 10, batchingWindowSeconds: 0, enabled: false });
    expect((await p.list('lc-2')).find((m) => m.uuid === a.uuid)).toMatchObject({ batchSize: 10, enabled: false });
    await p.delete(b.uuid);
    await p.delete(b.uuid);
    await p.deleteAlias('lc-2');
    expect((await p.list('lc-2')).map((m) => m.topic)).toEqual(['a']);
  });
});
