/**
 * BatchWriteItem in chunks of 25, retrying unprocessed items with backoff. Not atomic across items:
 * callers use it only where each item stands alone (statuses, offsets, topics, deletions).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '#lib/errors';
import { ATTR, type Item } from '#lib/store/dynamodb/attributes';
import type { TableContext } from '#lib/store/dynamodb/table-context';
import { translateDynamoDbError } from '#lib/store/dynamodb/translate-error';

export type WriteOp = { put: Item } | { delete: Item };

const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;

export async function batchWrite(ctx: TableContext, ops: WriteOp[], action: string): Promise<void> {
  const unique = lastPerKey(ops);
  for (let i = 0; i < unique.length; i += BATCH_SIZE) {
    await writeChunk(ctx, unique.slice(i, i + BATCH_SIZE), action);
  }
}

/** DynamoDB rejects a batch naming one key twice; the last write to a key is the one that counts. */
function lastPerKey(ops: WriteOp[]): WriteOp[] {
  const byKey = new Map<string, WriteOp>();
  for (const op of ops) {
    const item = 'put' in op ? op.put : op.delete;
    const key = JSON.stringify([item[ATTR.pk], item[ATTR.sk]]);
    byKey.delete(key);
    byKey.set(key, op);
  }
  return [...byKey.values()];
}

async function writeChunk(ctx: TableContext, ops: WriteOp[], action: string): Promise<void> {
  let requests = ops.map((op) => ('put' in op ? { PutRequest: { Item: op.put } } : { DeleteRequest: { Key: op.delete } }));
  for (let attempt = 1; requests.length > 0; attempt += 1) {
    if (attempt > MAX_ATTEMPTS) throw new StoreUnavailableError(`State store kept throttling while ${action}`);
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt * Math.random()));
    try {
      const result = await ctx.doc.send(new BatchWriteCommand({ RequestItems: { [ctx.tableName]: requests } }));
      requests = (result.UnprocessedItems?.[ctx.tableName] ?? []) as typeof requests;
    } catch (err) {
      throw translateDynamoDbError(err, action);
    }
  }
}
