/**
 * TaskLeaseStore on the state table: every change is one conditional UpdateItem on the lease item,
 * so concurrent invocations race on DynamoDB's per-item serialisation and exactly one wins. A failed
 * condition is an answer (undefined / false), not an error.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { assertTaskId } from '#lib/store/task-id';
import type { TaskLease, TaskLeaseStore } from '#lib/store/types';
import type { Item } from '#lib/store/dynamodb/attributes';
import { acquireUpdate, fromLeaseItem, heldLeaseUpdate, leaseKey } from '#lib/store/dynamodb/lease-item';
import type { TableContext } from '#lib/store/dynamodb/table-context';
import { isConditionalCheckFailed, translateDynamoDbError } from '#lib/store/dynamodb/translate-error';

export function createDynamoDbTaskLeaseStore(ctx: TableContext): TaskLeaseStore {
  const { doc, tableName } = ctx;

  /** The updated lease, or undefined when the condition failed. */
  async function update(connector: string, taskId: number, parts: object, action: string): Promise<TaskLease | undefined> {
    assertTaskId(taskId);
    try {
      const { Attributes: item } = await doc.send(
        new UpdateCommand({ TableName: tableName, Key: leaseKey(connector, taskId), ...parts, ReturnValues: 'ALL_NEW' }),
      );
      return fromLeaseItem(item as Item);
    } catch (err) {
      if (isConditionalCheckFailed(err)) return undefined;
      throw translateDynamoDbError(err, `${action} the lease of ${connector}-${taskId}`);
    }
  }

  return {
    acquire: (request) => update(request.connector, request.taskId, acquireUpdate(request), 'acquiring'),

    renew: (lease, now, ttlMs) => update(lease.connector, lease.taskId, heldLeaseUpdate(lease, now + ttlMs), 'renewing'),

    async release(lease) {
      return (await update(lease.connector, lease.taskId, heldLeaseUpdate(lease, 0), 'releasing')) !== undefined;
    },

    async get(connector, taskId) {
      assertTaskId(taskId);
      try {
        const { Item: item } = await doc.send(new GetCommand({ TableName: tableName, Key: leaseKey(connector, taskId), ConsistentRead: true }));
        return item === undefined ? undefined : fromLeaseItem(item);
      } catch (err) {
        throw translateDynamoDbError(err, `reading the lease of ${connector}-${taskId}`);
      }
    },
  };
}
