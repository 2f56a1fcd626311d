import { createDynamoDbConfigStore } from '#lib/store/dynamodb/dynamodb-config-store';
import { createDynamoDbLoggerStore } from '#lib/store/dynamodb/dynamodb-logger-store';
import { createDynamoDbOffsetStore } from '#lib/store/dynamodb/dynamodb-offset-store';
import { createDynamoDbStatusStore } from '#lib/store/dynamodb/dynamodb-status-store';
import { createDynamoDbTaskLeaseStore } from '#lib/store/dynamodb/dynamodb-task-lease-store';
import { createDynamoDbTopicStore } from '#lib/store/dynamodb/dynamodb-topic-store';
import { tableContext, type DynamoDbStoresOptions } from '#lib/store/dynamodb/table-context';
import type { RunnerStores } from '#lib/store/types';

/** Every store over one state table (which must exist: see `ensureTable`). */
export function createDynamoDbStores(options: DynamoDbStoresOptions): RunnerStores {
  const ctx = tableContext(options);
  return {
    configs: createDynamoDbConfigStore(ctx),
    statuses: createDynamoDbStatusStore(ctx),
    offsets: createDynamoDbOffsetStore(ctx),
    topics: createDynamoDbTopicStore(ctx),
    loggers: createDynamoDbLoggerStore(ctx),
    leases: createDynamoDbTaskLeaseStore(ctx),
  };
}
