import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '#lib/store/dynamodb/index';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';

let dynalite: DynaliteInstance;

beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

async function describeTable(tableName: string) {
  return (await dynalite.client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
}

describe('ensureTable', () => {
  it('creates a missing table and its index, ACTIVE', async () => {
    await ensureTable(dynalite.client, 'created');
    const table = await describeTable('created');
    expect(table?.TableStatus).toBe('ACTIVE');
    expect(table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.IndexStatus])).toEqual([['gsi1', 'ACTIVE']]);
  });

  it('leaves an existing table alone', async () => {
    await ensureTable(dynalite.client, 'existing');
    const before = await describeTable('existing');
    await ensureTable(dynalite.client, 'existing');
    expect((await describeTable('existing'))?.CreationDateTime).toEqual(before?.CreationDateTime);
  });

  it('waits until a slowly created table is ACTIVE', async () => {
    const slow = await startDynalite({ createTableMs: 150 });
    try {
      await ensureTable(slow.client, 'slow');
      const { Table } = await slow.client.send(new DescribeTableCommand({ TableName: 'slow' }));
      expect(Table?.TableStatus).toBe('ACTIVE');
    } finally {
      await slow.stop();
    }
  });

  it('succeeds for every one of several concurrent callers', async () => {
    const callers = Array.from({ length: 5 }, () => ensureTable(dynalite.client, 'raced'));
    await expect(Promise.all(callers)).resolves.toHaveLength(5);
    expect((await describeTable('raced'))?.TableStatus).toBe('ACTIVE');
  });
});
