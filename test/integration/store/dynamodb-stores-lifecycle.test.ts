import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '#lib/errors';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import { startDynalite } from '#test/support/dynalite';

describe('DynamoDB stores over dynalite', () => {
  it('keep their state on disk across a restart of dynalite', async () => {
    const path = await mkdtemp(join(tmpdir(), 'lambda-connect-state-'));
    try {
      const first = await startDynalite({ path });
      await ensureTable(first.client, 'state');
      await createDynamoDbStores({ client: first.client, tableName: 'state' }).offsets.put('orders', [
        { partition: { file: 'a' }, offset: { position: 9007199254740993n } },
      ]);
      await first.stop();

      const second = await startDynalite({ path });
      await ensureTable(second.client, 'state');
      const offsets = createDynamoDbStores({ client: second.client, tableName: 'state' }).offsets;
      expect(await offsets.get('orders', { file: 'a' })).toEqual({ position: 9007199254740993n });
      await second.stop();
    } finally {
      await rm(path, { recursive: true, force: true });
    }
  });

  it('report an unreachable endpoint as a retriable StoreUnavailableError', async () => {
    const stopped = await startDynalite();
    await stopped.stop();
    const client = new DynamoDBClient({
      endpoint: stopped.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    const read = createDynamoDbStores({ client, tableName: 'state' }).configs.get('orders');
    await expect(read).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(read).rejects.toMatchObject({ retriable: true });
    client.destroy();
  });

  it('report a missing table as StoreUnavailableError', async () => {
    const dynalite = await startDynalite();
    try {
      const list = createDynamoDbStores({ client: dynalite.client, tableName: 'absent' }).configs.list();
      await expect(list).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await dynalite.stop();
    }
  });
});
