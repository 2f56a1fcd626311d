/**
 * Golden shapes of every stored item, in DynamoDB's wire form. Stored items outlive deployments: if one
 * of these tests fails, existing tables hold items the new code cannot find (orphaned offsets, invisible
 * connectors). Change the expected shape only together with a migration.
 */
import { GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import type { Stores } from '#lib/store/types';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';

const ISO = { S: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown };
const UUID = { S: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown };

let dynalite: DynaliteInstance;
let tables = 0;

beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

async function freshTable(): Promise<{ stores: Stores; tableName: string }> {
  tables += 1;
  const tableName = `shapes-${tables}`;
  await ensureTable(dynalite.client, tableName);
  return { stores: createDynamoDbStores({ client: dynalite.client, tableName }), tableName };
}

async function rawItem(tableName: string, pk: string, sk: string): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await dynalite.client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: pk }, sk: { S: sk } } }));
  return Item;
}

async function putRaw(tableName: string, item: Record<string, AttributeValue>): Promise<void> {
  await dynalite.client.send(new PutItemCommand({ TableName: tableName, Item: item }));
}

const CONNECTOR_ITEM = {
  pk: { S: 'connector#orders' },
  sk: { S: 'config' },
  gsi1pk: { S: 'connectors' },
  gsi1sk: { S: 'orders' },
  kind: { S: 'connector' },
  name: { S: 'orders' },
  config: { M: { name: { S: 'orders' }, 'tasks.max': { S: '1' } } },
  targetState: { S: 'STARTED' },
  taskConfigs: { L: [{ M: { 'task.index': { S: '0' } } }] },
  version: { N: '1' },
  generation: { N: '1' },
  incarnation: { S: '7d4f0c5e-2b1a-4c3d-9e8f-0a1b2c3d4e5f' },
  createdAt: { S: '2024-05-01T10:00:00.000Z' },
  updatedAt: { S: '2024-05-01T10:00:00.000Z' },
};

const TASK_STATUS_ITEM = {
  pk: { S: 'connector#orders' },
  sk: { S: 'status#task#0000000012' },
  kind: { S: 'status' },
  connector: { S: 'orders' },
  taskId: { N: '12' },
  state: { S: 'FAILED' },
  trace: { S: 'boom' },
  workerId: { NULL: true },
  incarnation: { S: 'inc-1' },
  generation: { N: '3' },
  updatedAt: { S: '2024-05-01T10:00:00.000Z' },
  extra: { S: '{"attempts":2}' },
};

const CONNECTOR_STATUS_ITEM = {
  pk: { S: 'connector#orders' },
  sk: { S: 'status#connector' },
  kind: { S: 'status' },
  connector: { S: 'orders' },
  state: { S: 'RUNNING' },
  workerId: { S: 'worker-1' },
  incarnation: { S: 'inc-1' },
  generation: { N: '3' },
  updatedAt: { S: '2024-05-01T10:00:00.000Z' },
};

const OFFSET_ITEM = {
  pk: { S: 'offsets#orders' },
  sk: { S: '{"kafka_partition":0,"kafka_topic":"t"}' },
  kind: { S: 'offset' },
  connector: { S: 'orders' },
  partition: { S: '{"kafka_partition":0,"kafka_topic":"t"}' },
  offset: { S: '{"kafka_offset":9007199254740993}' },
};

const TOPIC_ITEM = {
  pk: { S: 'connector#orders' },
  sk: { S: 'topic#orders.v1' },
  kind: { S: 'topic' },
  connector: { S: 'orders' },
  topic: { S: 'orders.v1' },
};

const LOGGER_ITEM = {
  pk: { S: 'loggers' },
  sk: { S: 'logger#org.apache.kafka' },
  kind: { S: 'logger' },
  logger: { S: 'org.apache.kafka' },
  level: { S: 'DEBUG' },
  lastModified: { N: '1714557600000' },
};

describe('DynamoDB item shapes written by the stores', () => {
  it('writes a connector as one config item indexed for listing', async () => {
    const { stores, tableName } = await freshTable();
    await stores.configs.create({ name: 'orders', config: { name: 'orders', 'tasks.max': '1' }, targetState: 'STARTED', taskConfigs: [{ 'task.index': '0' }] });
    expect(await rawItem(tableName, 'connector#orders', 'config')).toEqual({ ...CONNECTOR_ITEM, incarnation: UUID, createdAt: ISO, updatedAt: ISO });
  });

  it('writes task and connector statuses under the connector, task ids zero-padded', async () => {
    const { stores, tableName } = await freshTable();
    const common = { connector: 'orders', incarnation: 'inc-1', generation: 3, updatedAt: '2024-05-01T10:00:00.000Z' };
    await stores.statuses.put({ ...common, taskId: 12, state: 'FAILED', trace: 'boom', workerId: null, extra: { attempts: 2 } });
    await stores.statuses.put({ ...common, state: 'RUNNING', workerId: 'worker-1' });
    expect(await rawItem(tableName, 'connector#orders', 'status#task#0000000012')).toEqual(TASK_STATUS_ITEM);
    expect(await rawItem(tableName, 'connector#orders', 'status#connector')).toEqual(CONNECTOR_STATUS_ITEM);
  });

  it('writes an offset under the connector offsets key with the canonical partition as sort key', async () => {
    const { stores, tableName } = await freshTable();
    await stores.offsets.put('orders', [{ partition: { kafka_topic: 't', kafka_partition: 0 }, offset: { kafka_offset: 9007199254740993n } }]);
    expect(await rawItem(tableName, 'offsets#orders', '{"kafka_partition":0,"kafka_topic":"t"}')).toEqual(OFFSET_ITEM);
  });

  it('keys an overlong partition by the SHA-256 of its canonical JSON', async () => {
    const { stores, tableName } = await freshTable();
    const partition = { f: 'x'.repeat(1100) };
    await stores.offsets.put('orders', [{ partition, offset: { p: 1 } }]);
    const sk = 'sha256#d8ab94714ba15f3e6eeebe849f485828fabe2efccdec22a120594d52e3e0ce31';
    expect(await rawItem(tableName, 'offsets#orders', sk)).toMatchObject({ partition: { S: JSON.stringify(partition) } });
  });

  it('writes a topic under the connector', async () => {
    const { stores, tableName } = await freshTable();
    await stores.topics.add('orders', ['orders.v1']);
    expect(await rawItem(tableName, 'connector#orders', 'topic#orders.v1')).toEqual(TOPIC_ITEM);
  });

  it('writes logger levels under the one loggers key', async () => {
    const { stores, tableName } = await freshTable();
    await stores.loggers.put('org.apache.kafka', { level: 'DEBUG', lastModified: 1714557600000 });
    expect(await rawItem(tableName, 'loggers', 'logger#org.apache.kafka')).toEqual(LOGGER_ITEM);
  });
});

describe('DynamoDB items already stored are read back', () => {
  it('reads and lists a stored connector', async () => {
    const { stores, tableName } = await freshTable();
    await putRaw(tableName, CONNECTOR_ITEM);
    const expected = {
      name: 'orders',
      config: { name: 'orders', 'tasks.max': '1' },
      targetState: 'STARTED',
      taskConfigs: [{ 'task.index': '0' }],
      version: 1,
      generation: 1,
      incarnation: '7d4f0c5e-2b1a-4c3d-9e8f-0a1b2c3d4e5f',
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-01T10:00:00.000Z',
    };
    expect(await stores.configs.get('orders')).toEqual(expected);
    expect(await stores.configs.list()).toEqual([expected]);
  });

  it('reads stored statuses', async () => {
    const { stores, tableName } = await freshTable();
    await putRaw(tableName, TASK_STATUS_ITEM);
    await putRaw(tableName, CONNECTOR_STATUS_ITEM);
    const { connector, tasks } = await stores.statuses.get('orders');
    expect(connector).toMatchObject({ state: 'RUNNING', workerId: 'worker-1' });
    expect(tasks).toEqual([
      { connector: 'orders', taskId: 12, state: 'FAILED', trace: 'boom', workerId: null, incarnation: 'inc-1', generation: 3, updatedAt: '2024-05-01T10:00:00.000Z', extra: { attempts: 2 } },
    ]);
  });

  it('reads a stored offset exactly', async () => {
    const { stores, tableName } = await freshTable();
    await putRaw(tableName, OFFSET_ITEM);
    expect(await stores.offsets.get('orders', { kafka_topic: 't', kafka_partition: 0 })).toEqual({ kafka_offset: 9007199254740993n });
  });

  it('reads stored topics and logger levels', async () => {
    const { stores, tableName } = await freshTable();
    await putRaw(tableName, TOPIC_ITEM);
    await putRaw(tableName, LOGGER_ITEM);
    expect(await stores.topics.list('orders')).toEqual(['orders.v1']);
    expect(await stores.loggers.all()).toEqual({ 'org.apache.kafka': { level: 'DEBUG', lastModified: 1714557600000 } });
  });
});
