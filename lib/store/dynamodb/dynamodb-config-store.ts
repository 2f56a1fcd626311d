/**
 * ConfigStore on the state table. Every write that can race is conditional (see connector-expressions),
 * so concurrent REST calls and task invocations never silently overwrite each other.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { compareStrings } from '#lib/store/compare-strings';
import { newConnectorRecord } from '#lib/store/connector-record';
import { connectorAlreadyExists, connectorNotFound, connectorVersionConflict } from '#lib/store/store-errors';
import type { ConfigStore, ConnectorRecord } from '#lib/store/types';
import { ATTR, type Item } from '#lib/store/dynamodb/attributes';
import { CREATE_CONDITION, CREATE_NAMES, connectorUpdate } from '#lib/store/dynamodb/connector-expressions';
import { connectorKey, fromConnectorItem, toConnectorItem } from '#lib/store/dynamodb/connector-item';
import { CONNECTORS_INDEX, CONNECTORS_INDEX_PK } from '#lib/store/dynamodb/keys';
import { queryAll } from '#lib/store/dynamodb/query-all';
import type { TableContext } from '#lib/store/dynamodb/table-context';
import { conditionFailureItem, isConditionalCheckFailed, translateDynamoDbError } from '#lib/store/dynamodb/translate-error';

export function createDynamoDbConfigStore(ctx: TableContext): ConfigStore {
  const { doc, tableName } = ctx;

  async function read(name: string): Promise<ConnectorRecord | undefined> {
    try {
      const { Item: item } = await doc.send(new GetCommand({ TableName: tableName, Key: connectorKey(name), ConsistentRead: true }));
      return item === undefined ? undefined : fromConnectorItem(item);
    } catch (err) {
      throw translateDynamoDbError(err, `reading connector ${name}`);
    }
  }

  /** Tells a failed update's cause apart: the item is gone (NotFound) or its version moved (Conflict). */
  async function updateFailure(name: string, expectedVersion: number | undefined, err: unknown): Promise<Error> {
    if (expectedVersion === undefined) return connectorNotFound(name, err);
    const present = conditionFailureItem(err) !== undefined || (await read(name)) !== undefined;
    return present ? connectorVersionConflict(name, expectedVersion, err) : connectorNotFound(name, err);
  }

  return {
    get: read,

    async list() {
      // The index is eventually consistent on AWS (a just-created connector may show up a moment later).
      const items = await queryAll(
        ctx,
        {
          IndexName: CONNECTORS_INDEX,
          KeyConditionExpression: `#${ATTR.gsi1pk} = :gsi1pk`,
          ExpressionAttributeNames: { [`#${ATTR.gsi1pk}`]: ATTR.gsi1pk },
          ExpressionAttributeValues: { ':gsi1pk': CONNECTORS_INDEX_PK },
        },
        'listing connectors',
      );
      return items.map(fromConnectorItem).sort((a, b) => compareStrings(a.name, b.name));
    },

    async create(connector) {
      const record = newConnectorRecord(connector);
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: toConnectorItem(record),
            ConditionExpression: CREATE_CONDITION,
            ExpressionAttributeNames: CREATE_NAMES,
          }),
        );
        return record;
      } catch (err) {
        if (isConditionalCheckFailed(err)) throw connectorAlreadyExists(connector.name, err);
        throw translateDynamoDbError(err, `creating connector ${connector.name}`);
      }
    },

    async update(name, changes, options = {}) {
      const { expectedVersion } = options;
      try {
        const { Attributes: item } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: connectorKey(name),
            ...connectorUpdate(changes, expectedVersion, new Date().toISOString()),
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return fromConnectorItem(item as Item);
      } catch (err) {
        if (isConditionalCheckFailed(err)) throw await updateFailure(name, expectedVersion, err);
        throw translateDynamoDbError(err, `updating connector ${name}`);
      }
    },

    async delete(name) {
      try {
        const { Attributes: old } = await doc.send(
          new DeleteCommand({ TableName: tableName, Key: connectorKey(name), ReturnValues: 'ALL_OLD' }),
        );
        return old !== undefined;
      } catch (err) {
        throw translateDynamoDbError(err, `deleting connector ${name}`);
      }
    },
  };
}
