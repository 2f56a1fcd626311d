/** What every DynamoDB store needs: a document client and the table name. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface TableContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

export interface DynamoDbStoresOptions {
  /** A document client is used as given; a plain client is wrapped in one. */
  client: DynamoDBDocumentClient | DynamoDBClient;
  tableName: string;
}

export function tableContext({ client, tableName }: DynamoDbStoresOptions): TableContext {
  const doc = client instanceof DynamoDBDocumentClient ? client : DynamoDBDocumentClient.from(client);
  return { doc, tableName };
}
