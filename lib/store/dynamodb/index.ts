export { createDynamoDbStores } from '#lib/store/dynamodb/create-dynamodb-stores';
export type { DynamoDbStoresOptions } from '#lib/store/dynamodb/table-context';
export { ensureTable, stateTableDefinition, type EnsureTableOptions } from '#lib/store/dynamodb/table';
