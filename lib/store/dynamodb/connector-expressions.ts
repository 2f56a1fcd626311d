/**
 * Condition and update expressions of connector writes, built only from attribute-name constants:
 * user data (config keys and values) travels as expression values, never as expression text.
 */
import type { ConnectorChanges } from '#lib/store/types';
import { ATTR } from '#lib/store/dynamodb/attributes';

/** Create must not overwrite a namesake. */
export const CREATE_CONDITION = `attribute_not_exists(#${ATTR.pk})`;
/** Update must not recreate a connector deleted in the meantime (an update is an upsert otherwise). */
export const EXISTS_CONDITION = `attribute_exists(#${ATTR.pk})`;
/** Optimistic concurrency: the caller's read is still the latest. */
export const VERSION_CONDITION = `#${ATTR.version} = :expectedVersion`;

export const CREATE_NAMES = { [`#${ATTR.pk}`]: ATTR.pk };

/** Replaced wholesale when present in the changes. */
const SETTABLE = [ATTR.config, ATTR.targetState, ATTR.taskConfigs] as const;

export interface UpdateParts {
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

export function connectorUpdate(changes: ConnectorChanges, expectedVersion: number | undefined, now: string): UpdateParts {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':one': 1, [`:${ATTR.updatedAt}`]: now };
  const use = (attribute: string): string => {
    names[`#${attribute}`] = attribute;
    return `#${attribute}`;
  };

  const sets = [`${use(ATTR.updatedAt)} = :${ATTR.updatedAt}`];
  for (const attribute of SETTABLE) {
    if (changes[attribute] === undefined) continue;
    values[`:${attribute}`] = changes[attribute];
    sets.push(`${use(attribute)} = :${attribute}`);
  }
  const adds = [`${use(ATTR.version)} :one`];
  if (changes.bumpGeneration === true) adds.push(`${use(ATTR.generation)} :one`);

  use(ATTR.pk);
  let condition = EXISTS_CONDITION;
  if (expectedVersion !== undefined) {
    condition += ` AND ${VERSION_CONDITION}`;
    values[':expectedVersion'] = expectedVersion;
  }
  return {
    UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
