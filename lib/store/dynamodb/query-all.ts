/** Query that follows LastEvaluatedKey until every page is read. */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Item } from '#lib/store/dynamodb/attributes';
import type { TableContext } from '#lib/store/dynamodb/table-context';
import { translateDynamoDbError } from '#lib/store/dynamodb/translate-error';

export type QueryParams = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

export async function queryAll(ctx: TableContext, params: QueryParams, action: string): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    try {
      const page = await ctx.doc.send(new QueryCommand({ ...params, TableName: ctx.tableName, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } catch (err) {
      throw translateDynamoDbError(err, action);
    }
  } while (startKey !== undefined);
  return items;
}
