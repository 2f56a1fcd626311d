/**
 * A task lease as a stored item, under its connector's pk (`lease#task#<id>`), and the conditional
 * updates that take, renew and end it. Built only from attribute-name constants.
 */
import type { LeaseRequest, TaskLease } from '#lib/store/types';
import { ATTR, KIND, type Item } from '#lib/store/dynamodb/attributes';
import { numberField, stringField } from '#lib/store/dynamodb/item-fields';
import { connectorPk, taskLeaseSk } from '#lib/store/dynamodb/keys';

export function leaseKey(connector: string, taskId: number): Item {
  return { [ATTR.pk]: connectorPk(connector), [ATTR.sk]: taskLeaseSk(taskId) };
}

export function fromLeaseItem(item: Item): TaskLease {
  return {
    connector: stringField(item, ATTR.connector),
    taskId: numberField(item, ATTR.taskId),
    owner: stringField(item, ATTR.owner),
    epoch: numberField(item, ATTR.epoch),
    generation: numberField(item, ATTR.generation),
    expiresAt: numberField(item, ATTR.expiresAt),
  };
}

const names = (...attributes: string[]): Record<string, string> => Object.fromEntries(attributes.map((a) => [`#${a}`, a]));

/** Free, expired, or already ours; the epoch is bumped inside DynamoDB (ADD), so two winners are impossible. */
export function acquireUpdate(request: LeaseRequest) {
  return {
    UpdateExpression:
      `SET #${ATTR.kind} = :kind, #${ATTR.connector} = :connector, #${ATTR.taskId} = :taskId, #${ATTR.owner} = :owner, ` +
      `#${ATTR.generation} = :generation, #${ATTR.expiresAt} = :expiresAt, #${ATTR.acquiredAt} = :now ADD #${ATTR.epoch} :one`,
    ConditionExpression: `attribute_not_exists(#${ATTR.pk}) OR #${ATTR.expiresAt} <= :now OR #${ATTR.owner} = :owner`,
    ExpressionAttributeNames: names(ATTR.pk, ATTR.kind, ATTR.connector, ATTR.taskId, ATTR.owner, ATTR.generation, ATTR.expiresAt, ATTR.acquiredAt, ATTR.epoch),
    ExpressionAttributeValues: {
      ':kind': KIND.lease,
      ':connector': request.connector,
      ':taskId': request.taskId,
      ':owner': request.owner,
      ':generation': request.generation,
      ':expiresAt': request.now + request.ttlMs,
      ':now': request.now,
      ':one': 1,
    },
  };
}

/** Sets the expiry, only for the holder of exactly this lease (owner and epoch). */
export function heldLeaseUpdate(lease: TaskLease, expiresAt: number) {
  return {
    UpdateExpression: `SET #${ATTR.expiresAt} = :expiresAt`,
    ConditionExpression: `#${ATTR.owner} = :owner AND #${ATTR.epoch} = :epoch`,
    ExpressionAttributeNames: names(ATTR.expiresAt, ATTR.owner, ATTR.epoch),
    ExpressionAttributeValues: { ':expiresAt': expiresAt, ':owner': lease.owner, ':epoch': lease.epoch },
  };
}
