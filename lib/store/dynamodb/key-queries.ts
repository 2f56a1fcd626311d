/** Key-condition queries over one partition, optionally fetching only keys (to delete the matches). */
import { ATTR } from '#lib/store/dynamodb/attributes';

export const KEYS_ONLY = {
  ProjectionExpression: `#${ATTR.pk}, #${ATTR.sk}`,
  names: { [`#${ATTR.pk}`]: ATTR.pk, [`#${ATTR.sk}`]: ATTR.sk },
} as const;

/** `pk = :pk AND begins_with(sk, :prefix)` with the names it needs. */
export function prefixQuery(pk: string, skPrefix: string, keysOnly = false) {
  return {
    KeyConditionExpression: `#${ATTR.pk} = :pk AND begins_with(#${ATTR.sk}, :prefix)`,
    ExpressionAttributeNames: { ...KEYS_ONLY.names },
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
    ...(keysOnly ? { ProjectionExpression: KEYS_ONLY.ProjectionExpression } : {}),
    ConsistentRead: true,
  };
}

/** `pk = :pk AND sk BETWEEN :from AND :to` with the names it needs. */
export function rangeQuery(pk: string, from: string, to: string, keysOnly = false) {
  return {
    KeyConditionExpression: `#${ATTR.pk} = :pk AND #${ATTR.sk} BETWEEN :from AND :to`,
    ExpressionAttributeNames: { ...KEYS_ONLY.names },
    ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
    ...(keysOnly ? { ProjectionExpression: KEYS_ONLY.ProjectionExpression } : {}),
    ConsistentRead: true,
  };
}

/** `pk = :pk` with the names it needs. */
export function partitionQuery(pk: string, keysOnly = false) {
  return {
    KeyConditionExpression: `#${ATTR.pk} = :pk`,
    ExpressionAttributeNames: keysOnly ? { ...KEYS_ONLY.names } : { [`#${ATTR.pk}`]: ATTR.pk },
    ExpressionAttributeValues: { ':pk': pk },
    ...(keysOnly ? { ProjectionExpression: KEYS_ONLY.ProjectionExpression } : {}),
    ConsistentRead: true,
  };
}
