/**
 * The state table as data (used by tests, standalone mode and the CDK app) and `ensureTable`, which
 * creates it when missing. Every key is a string; billing is on demand.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { ATTR } from '#lib/store/dynamodb/attributes';
import { CONNECTORS_INDEX } from '#lib/store/dynamodb/keys';
import { errorName, translateDynamoDbError } from '#lib/store/dynamodb/translate-error';
import { StoreUnavailableError } from '#lib/errors';

export function stateTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [ATTR.pk, ATTR.sk, ATTR.gsi1pk, ATTR.gsi1sk].map((AttributeName) => ({
      AttributeName,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: ATTR.pk, KeyType: 'HASH' },
      { AttributeName: ATTR.sk, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: CONNECTORS_INDEX,
        KeySchema: [
          { AttributeName: ATTR.gsi1pk, KeyType: 'HASH' },
          { AttributeName: ATTR.gsi1sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

export interface EnsureTableOptions {
  /** Give up waiting for ACTIVE after this long (default 5 minutes, DynamoDB can be slow to create). */
  timeoutMs?: number;
}

/** Creates the table unless it exists and waits until it and its index are ACTIVE. Safe to call
 *  concurrently from several processes: losing the creation race is not an error. */
export async function ensureTable(client: DynamoDBClient, tableName: string, options: EnsureTableOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  if ((await describe(client, tableName)) === undefined) await create(client, tableName);
  for (let delayMs = 20; ; delayMs = Math.min(delayMs * 2, 2_000)) {
    if (isActive(await describe(client, tableName))) return;
    if (Date.now() + delayMs > deadline) throw new StoreUnavailableError(`Table ${tableName} did not become ACTIVE in time`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (err) {
    if (errorName(err) === 'ResourceNotFoundException') return undefined;
    throw translateDynamoDbError(err, `describing table ${tableName}`);
  }
}

async function create(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(stateTableDefinition(tableName)));
  } catch (err) {
    // Another process created it between our describe and create: fine, we only wait for it.
    if (errorName(err) !== 'ResourceInUseException') throw translateDynamoDbError(err, `creating table ${tableName}`);
  }
}

function isActive(table: TableDescription | undefined): boolean {
  const indexes = table?.GlobalSecondaryIndexes ?? [];
  return table?.TableStatus === 'ACTIVE' && indexes.every((index) => index.IndexStatus === 'ACTIVE');
}
