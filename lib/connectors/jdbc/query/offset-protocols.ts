/**
 * Confluent's source partitions. Incremental modes in table mode use protocol 1
 * (`{"protocol":"1","table":"schema.table"}`) and, when reading, fall back to protocol 0
 * (`{"table":"<table>"}`) so offsets of old connector versions are found. Bulk mode writes protocol
 * 0 partitions without offsets. Query mode uses `{"query":"query"}`.
 */
import { unquotedTableId, type TableId } from '../tables/table-id';

export const TABLE_NAME_KEY = 'table';
export const QUERY_NAME_KEY = 'query';
export const QUERY_NAME_VALUE = 'query';
export const OFFSET_PROTOCOL_VERSION_KEY = 'protocol';
export const PROTOCOL_VERSION_ONE = '1';

export function sourcePartitionV1(table: TableId): Record<string, string> {
  return { [OFFSET_PROTOCOL_VERSION_KEY]: PROTOCOL_VERSION_ONE, [TABLE_NAME_KEY]: unquotedTableId(table) };
}

export function sourcePartitionV0(table: TableId): Record<string, string> {
  return { [TABLE_NAME_KEY]: table.table };
}

export const QUERY_PARTITION: Readonly<Record<string, string>> = Object.freeze({ [QUERY_NAME_KEY]: QUERY_NAME_VALUE });

/** The partitions to look offsets up under, newest protocol first. */
export function possibleTablePartitions(table: TableId): Record<string, string>[] {
  return [sourcePartitionV1(table), sourcePartitionV0(table)];
}
