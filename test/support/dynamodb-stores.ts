/**
 * Registers one dynalite for the calling test file and returns a factory of DynamoDB stores, each on a
 * fresh table, so tests never see each other's items.
 */
import { afterAll, beforeAll } from 'vitest';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import type { Stores } from '#lib/store/types';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';

export function useDynaliteStores(): () => Promise<Stores> {
  let instance: DynaliteInstance | undefined;
  let tables = 0;
  beforeAll(async () => {
    instance = await startDynalite();
  });
  afterAll(async () => {
    await instance?.stop();
  });
  return async () => {
    if (instance === undefined) throw new Error('dynalite is not running (use the factory inside a test)');
    tables += 1;
    const tableName = `state-${tables}`;
    await ensureTable(instance.client, tableName);
    return createDynamoDbStores({ client: instance.client, tableName });
  };
}
