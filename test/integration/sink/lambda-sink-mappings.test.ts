/**
 * The Lambda adapter of the mappings port through @aws-sdk/client-lambda, against a local server
 * speaking Lambda's alias and event source mapping API: the requests' shape (MSK vs self-managed,
 * group id, TRIM_HORIZON, access configurations). Behaviour common to every adapter is in
 * test/contracts/sink-mapping-port.contract.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
