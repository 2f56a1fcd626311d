/** LoggerStore on the state table: one query reads every level, one put sets one. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LoggerStore } from '#lib/store/types';
import { LOGGERS_PK } from '#lib/store/dynamodb/keys';
import { partitionQuery } from '#lib/store/dynamodb/key-queries';
import { fromLoggerItem, toLoggerItem } from '#lib/store/dynamodb/logger-item';
import { queryAll } from '#lib/store/dynamodb/query-all';
import type { TableContext } from '#lib/store/dynamodb/table-context';
import { translateDynamoDbError } from '#lib/store/dynamodb/translate-error';

export function createDynamoDbLoggerStore(ctx: TableContext): LoggerStore {
  return {
    async all() {
      const items = await queryAll(ctx, partitionQuery(LOGGERS_PK), 'reading logger levels');
      return Object.fromEntries(items.map(fromLoggerItem));
    },

    async put(name, record) {
      try {
        await ctx.doc.send(new PutCommand({ TableName: ctx.tableName, Item: toLoggerItem(name, record) }));
      } catch (err) {
        throw translateDynamoDbError(err, `setting the level of logger ${name}`);
      }
    },
  };
}
