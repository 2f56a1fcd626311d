import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Kafka, logLevel } from '#lib/kafka/kafkajs';
import { createDynamoDbStores } from '#lib/store/dynamodb/index';
import { LOCAL_CREDENTIALS, startEmbeddedDynamoDb } from '#lib/standalone/embedded-dynamodb';
import { startEmbeddedKafka } from '#lib/standalone/embedded-kafka';
import { DataDirLockedError } from '#lib/standalone/errors';

const TABLE = 'lambda-connect';
let dataDir: string;
const stops: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lambda-connect-standalone-'));
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await rm(dataDir, { recursive: true, force: true });
});

function clientFor(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: LOCAL_CREDENTIALS });
}

describe('embedded Kafka', () => {
  it('answers a kafkajs metadata request from every mock broker', async () => {
    const kafka = await startEmbeddedKafka({ brokers: 3 });
    stops.push(kafka.stop);
    const admin = new Kafka({ clientId: 'standalone-test', brokers: kafka.bootstrapServers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      const metadata = await admin.fetchTopicMetadata({ topics: ['standalone-test-topic'] });
      expect(kafka.bootstrapServers).toHaveLength(3);
      expect(cluster.brokers).toHaveLength(3);
      expect(metadata.topics[0]?.partitions.length).toBeGreaterThan(0);
    } finally {
      await admin.disconnect();
    }
  });

  it('leaves no broker listening after stop', async () => {
    const kafka = await startEmbeddedKafka({ brokers: 1 });
    await kafka.stop();
    const [host, port] = (kafka.bootstrapServers[0] ?? '').split(':');
    const connected = await new Promise<boolean>((resolve) => {
      import('node:net').then(({ connect }) => {
        const socket = connect(Number(port), host ?? '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
    });
    expect(connected).toBe(false);
  });
});

describe('embedded DynamoDB', () => {
  it('keeps connectors, statuses and offsets across a stop and a start in the same data directory', async () => {
    const first = await startEmbeddedDynamoDb({ dataDir, tableName: TABLE });
    const writer = clientFor(first.endpoint);
    const before = createDynamoDbStores({ client: writer, tableName: TABLE });
    const created = await before.configs.create({ name: 'kept', config: { name: 'kept', 'tasks.max': '1' }, targetState: 'STARTED', taskConfigs: [] });
    await before.statuses.put({ connector: 'kept', state: 'RUNNING', workerId: 'standalone', incarnation: created.incarnation, generation: 1, updatedAt: created.updatedAt });
    await before.offsets.put('kept', [{ partition: { file: 'a' }, offset: { position: 42 } }]);
    writer.destroy();
    await first.stop();

    const second = await startEmbeddedDynamoDb({ dataDir, tableName: TABLE });
    stops.push(second.stop);
    const reader = clientFor(second.endpoint);
    const after = createDynamoDbStores({ client: reader, tableName: TABLE });
    const [config, statuses, offsets] = await Promise.all([after.configs.get('kept'), after.statuses.get('kept'), after.offsets.list('kept')]);
    reader.destroy();
    expect(config?.config).toEqual({ name: 'kept', 'tasks.max': '1' });
    expect(statuses.connector?.state).toBe('RUNNING');
    expect(offsets).toEqual([{ partition: { file: 'a' }, offset: { position: 42 } }]);
  });

  it('refuses a data directory that another standalone store is using', async () => {
    const running = await startEmbeddedDynamoDb({ dataDir, tableName: TABLE });
    stops.push(running.stop);
    await expect(startEmbeddedDynamoDb({ dataDir, tableName: TABLE })).rejects.toThrow(DataDirLockedError);
  });
});
