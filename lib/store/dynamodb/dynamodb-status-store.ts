/**
 * StatusStore on the state table: one item per connector / task status under the connector's pk.
 * Writes are unconditional, last writer wins, as on Kafka's status topic; readers compare `generation`
 * and `incarnation` to spot stale entries.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_TASK_ID, assertTaskId } from '#lib/store/task-id';
import type { GuardedStatusStore, State, StatusRecord, StatusStore } from '#lib/store/types';
import { ATTR } from '#lib/store/dynamodb/attributes';
import { batchWrite } from '#lib/store/dynamodb/batch-write';
import { STATUS_SK_PREFIX, connectorPk, lastTaskStatusSk, taskStatusSk } from '#lib/store/dynamodb/keys';
import { prefixQuery, rangeQuery } from '#lib/store/dynamodb/key-queries';
import { queryAll } from '#lib/store/dynamodb/query-all';
import { fromStatusItem, statusKey, toStatusItem } from '#lib/store/dynamodb/status-item';
import type { TableContext } from '#lib/store/dynamodb/table-context';
import { isConditionalCheckFailed, translateDynamoDbError } from '#lib/store/dynamodb/translate-error';

/** A runner's status must not replace one a newer generation of the same incarnation wrote. */
const UNLESS_NEWER = {
  ConditionExpression: `attribute_not_exists(#${ATTR.pk}) OR #${ATTR.incarnation} <> :incarnation OR #${ATTR.generation} <= :generation`,
  ExpressionAttributeNames: { [`#${ATTR.pk}`]: ATTR.pk, [`#${ATTR.incarnation}`]: ATTR.incarnation, [`#${ATTR.generation}`]: ATTR.generation },
};

/** UNLESS_NEWER, and not over a status of the same generation in one of the `keep` states. */
function unlessNewerOrKept(values: Record<string, unknown>, keep: readonly State[]) {
  const kept = keep.map((_, i) => `:keep${i}`);
  return {
    ConditionExpression: `attribute_not_exists(#${ATTR.pk}) OR #${ATTR.incarnation} <> :incarnation OR #${ATTR.generation} < :generation OR (#${ATTR.generation} = :generation AND NOT #${ATTR.state} IN (${kept.join(', ')}))`,
    ExpressionAttributeNames: { ...UNLESS_NEWER.ExpressionAttributeNames, [`#${ATTR.state}`]: ATTR.state },
    ExpressionAttributeValues: { ...values, ...Object.fromEntries(keep.map((state, i) => [`:keep${i}`, state])) },
  };
}

export function createDynamoDbStatusStore(ctx: TableContext): StatusStore & GuardedStatusStore {
  const { doc, tableName } = ctx;

  function itemOf(status: StatusRecord) {
    if (status.taskId !== undefined) assertTaskId(status.taskId);
    return toStatusItem(status);
  }

  return {
    async put(status) {
      const item = itemOf(status);
      try {
        await doc.send(new PutCommand({ TableName: tableName, Item: item }));
      } catch (err) {
        throw translateDynamoDbError(err, `writing the status of ${status.connector}`);
      }
    },

    async putUnlessNewer(status, options) {
      const item = itemOf(status);
      const values = { ':incarnation': status.incarnation, ':generation': status.generation };
      const keep = options?.keep ?? [];
      const guard = keep.length === 0 ? { ...UNLESS_NEWER, ExpressionAttributeValues: values } : unlessNewerOrKept(values, keep);
      try {
        await doc.send(new PutCommand({ TableName: tableName, Item: item, ...guard }));
        return true;
      } catch (err) {
        if (isConditionalCheckFailed(err)) return false;
        throw translateDynamoDbError(err, `writing the status of ${status.connector}`);
      }
    },

    async putMany(statuses) {
      const ops = statuses.map((status) => ({ put: itemOf(status) }));
      await batchWrite(ctx, ops, 'writing statuses');
    },

    async get(connector) {
      const items = await queryAll(ctx, prefixQuery(connectorPk(connector), STATUS_SK_PREFIX), `reading statuses of ${connector}`);
      const statuses = items.map(fromStatusItem);
      const tasks = statuses.filter((s) => s.taskId !== undefined).sort((a, b) => (a.taskId ?? 0) - (b.taskId ?? 0));
      const own = statuses.find((s) => s.taskId === undefined);
      return own === undefined ? { tasks } : { connector: own, tasks };
    },

    async getTask(connector, taskId) {
      assertTaskId(taskId);
      try {
        const { Item: item } = await doc.send(
          new GetCommand({ TableName: tableName, Key: statusKey(connector, taskId), ConsistentRead: true }),
        );
        return item === undefined ? undefined : fromStatusItem(item);
      } catch (err) {
        throw translateDynamoDbError(err, `reading the status of ${connector}-${taskId}`);
      }
    },

    async deleteTasks(connector, fromTaskId) {
      if (!(fromTaskId <= MAX_TASK_ID)) return; // no task id is that large (or fromTaskId is NaN)
      const from = taskStatusSk(Math.max(0, Math.ceil(fromTaskId)));
      const params = rangeQuery(connectorPk(connector), from, lastTaskStatusSk(), true);
      const keys = await queryAll(ctx, params, `listing task statuses of ${connector}`);
      await batchWrite(ctx, keys.map((key) => ({ delete: key })), `deleting task statuses of ${connector}`);
    },

    async deleteAll(connector) {
      const params = prefixQuery(connectorPk(connector), STATUS_SK_PREFIX, true);
      const keys = await queryAll(ctx, params, `listing statuses of ${connector}`);
      await batchWrite(ctx, keys.map((key) => ({ delete: key })), `deleting statuses of ${connector}`);
    },
  };
}
