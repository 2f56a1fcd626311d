/**
 * The Lambda adapter of the mappings port through @aws-sdk/client-lambda, against a local server
 * speaking Lambda's alias and event source mapping API: the requests' shape (MSK vs self-managed,
 * group id, TRIM_HORIZON, access configurations). Behaviour common to every adapter is in
 * test/contracts/sink-mapping-port.contract.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MappingBusyError } from '#lib/runtime/sink/mappings/errors';
import { createLambdaSinkMappings } from '#lib/runtime/sink/mappings/lambda-sink-mappings';
import type { KafkaEventSourceSettings } from '#lib/runtime/sink/mappings/kafka-event-source';
import { startLambdaApiServer, type LambdaApiServer } from '#test/contracts/lambda-api-server';

let api: LambdaApiServer;
beforeAll(async () => {
  api = await startLambdaApiServer();
});
afterAll(() => api.close());

const port = (source: KafkaEventSourceSettings) => createLambdaSinkMappings({ client: api.client(), functionName: 'sink-task', source });
const created = () => api.requests.filter((r) => r.method === 'POST' && /event-source-mappings\/?$/.test(r.path)).at(-1)?.body;

const SELF_MANAGED: KafkaEventSourceSettings = { bootstrapServers: ['k1:9092', 'k2:9092'], auth: 'scram-sha-512', secretArn: 'arn:secret', subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] };
const MSK: KafkaEventSourceSettings = { clusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/abc', bootstrapServers: [], auth: 'msk-iam', subnetIds: [], securityGroupIds: [] };
const desired = { alias: 'lc-1', topic: 'orders', groupId: 'connect-orders-sink', batchSize: 500, batchingWindowSeconds: 1, enabled: true };

describe('Lambda event source mappings', () => {
  it('creates a self-managed mapping on the alias with its group, TRIM_HORIZON and access configurations', async () => {
    await port(SELF_MANAGED).create(desired);
    expect(created()).toMatchObject({
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
  });

  it('creates an MSK mapping from the cluster ARN, without access configurations under IAM', async () => {
    await port(MSK).create({ ...desired, alias: 'lc-2', groupId: 'connect-x' });
    expect(created()).toMatchObject({ EventSourceArn: MSK.clusterArn, AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'connect-x' } });
    expect(created()?.SourceAccessConfigurations).toBeUndefined();
  });

  it('points a new alias at $LATEST', async () => {
    await port(MSK).ensureAlias('lc-3');
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', path: '/2015-03-31/functions/sink-task/aliases', body: { Name: 'lc-3', FunctionVersion: '$LATEST' } });
  });
});

describe('Lambda event source mappings: listing every alias (the periodic reconcile)', () => {
  const seed = (server: LambdaApiServer, functionArn: string, extra: Record<string, unknown> = {}) => {
    const UUID = `seed-${server.mappings.size + 1}-${Math.random().toString(36).slice(2, 8)}`;
    server.mappings.set(UUID, { UUID, FunctionArn: functionArn, State: 'Enabled', Topics: ['orders'], BatchSize: 10, MaximumBatchingWindowInSeconds: 1, SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: `g-${UUID}` }, ...extra });
    return UUID;
  };
  const FN = 'arn:aws:lambda:us-east-1:123456789012:function';

  it('follows NextMarker over every page and keeps only the lc- aliases of the sink-task function', async () => {
    const server = await startLambdaApiServer({ pageSize: 2 });
    try {
      const ours = [seed(server, `${FN}:sink-task:lc-a`), seed(server, `${FN}:sink-task:lc-b`), seed(server, `${FN}:sink-task:lc-a`)];
      seed(server, `${FN}:other-function:lc-a`);
      seed(server, `${FN}:sink-task:live`);
      seed(server, `${FN}:sink-task`);
      seed(server, `${FN}:sink-task:lc-c`);
      const port = createLambdaSinkMappings({ client: server.client(), functionName: 'sink-task', source: SELF_MANAGED });
      const listing = await port.listAll();
      expect(listing.complete).toBe(true);
      expect(listing.mappings.map((m) => [m.uuid, m.alias])).toEqual([
        [ours[0], 'lc-a'],
        [ours[1], 'lc-b'],
        [ours[2], 'lc-a'],
        [expect.any(String), 'lc-c'],
      ]);
      const lists = server.requests.filter((r) => r.method === 'GET');
      expect(lists).toHaveLength(4);
    } finally {
      await server.close();
    }
  });

  it('stops at the page limit and says the listing is incomplete', async () => {
    const server = await startLambdaApiServer({ pageSize: 1 });
    try {
      for (let i = 0; i < 5; i += 1) seed(server, `${FN}:sink-task:lc-${i}`);
      const port = createLambdaSinkMappings({ client: server.client(), functionName: 'sink-task', source: SELF_MANAGED, maxListPages: 3 });
      const listing = await port.listAll();
      expect([listing.complete, listing.mappings.map((m) => m.alias)]).toEqual([false, ['lc-0', 'lc-1', 'lc-2']]);
    } finally {
      await server.close();
    }
  });

  it('lists an MSK deployment by its cluster ARN, and matches the function given as an ARN', async () => {
    const server = await startLambdaApiServer({ pageSize: 100 });
    try {
      const ours = seed(server, `${FN}:sink-task:lc-m`, { EventSourceArn: MSK.clusterArn });
      seed(server, `${FN}:sink-task:lc-n`, { EventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/other/def' });
      const port = createLambdaSinkMappings({ client: server.client(), functionName: `${FN}:sink-task`, source: MSK });
      expect((await port.listAll()).mappings.map((m) => m.uuid)).toEqual([ours]);
    } finally {
      await server.close();
    }
  });

  it('reports a mapping Lambda is still creating or updating as busy, to be tried at the next reconcile', async () => {
    const server = await startLambdaApiServer();
    try {
      const client = server.client();
      client.middlewareStack.add(
        () => async () => {
          throw Object.assign(new Error('The resource you requested is currently in use'), { name: 'ResourceInUseException', $metadata: { httpStatusCode: 400 } });
        },
        { step: 'finalizeRequest', name: 'inUse' },
      );
      const port = createLambdaSinkMappings({ client, functionName: 'sink-task', source: SELF_MANAGED });
      await expect(port.update('uuid-1', { batchSize: 1, batchingWindowSeconds: 0, enabled: false })).rejects.toBeInstanceOf(MappingBusyError);
    } finally {
      await server.close();
    }
  });
});
