/**
 * Golden shapes of the items task runners write (task leases, fenced offsets), in DynamoDB's wire
 * form. A rename would orphan stored leases (epochs restart, fencing breaks) or fences: change a
 * shape only together with a migration.
 */
import { GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import type { RunnerStores } from '#lib/store/types';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';

let dynalite: DynaliteInstance;
let tables = 0;

beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

async function freshTable(): Promise<{ stores: RunnerStores; tableName: string }> {
  tables += 1;
  const tableName = `runner-shapes-${tables}`;
  await ensureTable(dynalite.client, tableName);
  return { stores: createDynamoDbStores({ client: dynalite.client, tableName }), tableName };
}

async function rawItem(tableName: string, pk: string, sk: string): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await dynalite.client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: pk }, sk: { S: sk } } }));
  return Item;
}

const LEASE_ITEM = {
  pk: { S: 'connector#orders' },
  sk: { S: 'lease#task#0000000012' },
  kind: { S: 'lease' },
  connector: { S: 'orders' },
  taskId: { N: '12' },
  owner: { S: 'req-1' },
  epoch: { N: '1' },
  generation: { N: '4' },
  expiresAt: { N: '1700000030000' },
  acquiredAt: { N: '1700000000000' },
};

const FENCED_OFFSET_ITEM = {
  pk: { S: 'offsets#orders' },
  sk: { S: '{"table":"rows"}' },
  kind: { S: 'offset' },
  connector: { S: 'orders' },
  partition: { S: '{"table":"rows"}' },
  offset: { S: '{"row":41}' },
  fenceIncarnation: { S: 'inc-1' },
  fenceGeneration: { N: '4' },
  fenceEpoch: { N: '7' },
};

describe('stored shape of runner items', () => {
  it('writes a task lease in the pinned shape', async () => {
    const { stores, tableName } = await freshTable();
    await stores.leases.acquire({ connector: 'orders', taskId: 12, owner: 'req-1', generation: 4, now: 1_700_000_000_000, ttlMs: 30_000 });
    expect(await rawItem(tableName, 'connector#orders', 'lease#task#0000000012')).toEqual(LEASE_ITEM);
  });

  it('reads a pinned task lease back', async () => {
    const { stores, tableName } = await freshTable();
    await dynalite.client.send(new PutItemCommand({ TableName: tableName, Item: LEASE_ITEM }));
    expect(await stores.leases.get('orders', 12)).toEqual({ connector: 'orders', taskId: 12, owner: 'req-1', epoch: 1, generation: 4, expiresAt: 1_700_000_030_000 });
  });

  it('writes a fenced offset as the pinned offset item plus its fence', async () => {
    const { stores, tableName } = await freshTable();
    await stores.offsets.putFenced('orders', [{ partition: { table: 'rows' }, offset: { row: 41 } }], { incarnation: 'inc-1', generation: 4, epoch: 7 });
    expect(await rawItem(tableName, 'offsets#orders', '{"table":"rows"}')).toEqual(FENCED_OFFSET_ITEM);
  });

  it('drops the fence attributes when the REST API writes the offset', async () => {
    const { stores, tableName } = await freshTable();
    await dynalite.client.send(new PutItemCommand({ TableName: tableName, Item: FENCED_OFFSET_ITEM }));
    await stores.offsets.put('orders', [{ partition: { table: 'rows' }, offset: { row: 3 } }]);
    const item = await rawItem(tableName, 'offsets#orders', '{"table":"rows"}');
    expect(item).not.toHaveProperty('fenceGeneration');
    expect(item?.offset).toEqual({ S: '{"row":3}' });
  });
});
