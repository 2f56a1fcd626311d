/** Factories of RunnerStores for the runner contract suites: memory, and DynamoDB on one dynalite per file. */
import { afterAll, beforeAll } from 'vitest';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import type { RunnerStores } from '#lib/store/types';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';

export type RunnerStoresFactory = () => Promise<RunnerStores>;

/** Registers one dynalite for the calling file; each call of the factory gets a fresh table. */
export function useDynaliteRunnerStores(): RunnerStoresFactory {
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
    const tableName = `runner-${tables}`;
    await ensureTable(instance.client, tableName);
    return createDynamoDbStores({ client: instance.client, tableName });
  };
}
