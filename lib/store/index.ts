export type * from '#lib/store/types';
export { createMemoryStores } from '#lib/store/memory/index';
export { createDynamoDbStores, ensureTable, stateTableDefinition } from '#lib/store/dynamodb/index';
export type { DynamoDbStoresOptions, EnsureTableOptions } from '#lib/store/dynamodb/index';
