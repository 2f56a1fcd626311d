/**
 * The column checks Confluent's JdbcSourceTask makes before querying a table: the configured
 * incrementing and timestamp columns exist (case-insensitively), they are NOT NULL unless
 * `validate.non.null=false`, and an empty `incrementing.column.name` is replaced by the table's
 * auto-incrementing column (identity or serial).
 */
import type pg from 'pg';
import { InvalidConfigError } from '#lib/errors';
import { INCREMENTING_COLUMN_NAME_CONFIG } from '../config/config-keys';
import type { TableId } from '../tables/table-id';

export interface TableColumn {
  name: string;
  optional: boolean;
  autoIncrement: boolean;
}

const TABLE_COLUMNS = `SELECT a.attname AS name,
    NOT (a.attnotnull OR (t.typtype = 'd' AND t.typnotnull)) AS optional,
    (a.attidentity <> '' OR COALESCE(pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE '%nextval(%', false)) AS "autoIncrement"
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
  JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid
  JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE c.relname = $1 AND ($2::text IS NULL OR n.nspname = $2) AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY n.nspname, a.attnum`;

export async function describeTableColumns(client: pg.ClientBase, table: TableId): Promise<TableColumn[]> {
  return (await client.query<TableColumn>(TABLE_COLUMNS, [table.table, table.schema])).rows;
}

export interface ColumnChoice {
  mode: string;
  incrementingColumn: string;
  timestampColumns: readonly string[];
}

/** validateColumnsExist: `tableName` is the entry of the task's `tables` list, as Confluent quotes it. */
export function checkColumnsExist(columns: readonly TableColumn[], choice: ColumnChoice, tableName: string): void {
  const names = new Set(columns.map((c) => c.name.toLowerCase()));
  const { mode, incrementingColumn, timestampColumns } = choice;
  if ((mode === 'incrementing' || mode === 'timestamp+incrementing') && incrementingColumn !== '' && !names.has(incrementingColumn.toLowerCase())) {
    throw new InvalidConfigError(`Incrementing column: ${incrementingColumn} does not exist in table '${tableName}'`);
  }
  if (mode === 'timestamp' || mode === 'timestamp+incrementing') {
    const missing = timestampColumns.filter((c) => !names.has(c.toLowerCase()));
    if (missing.length > 0) throw new InvalidConfigError(`Timestamp columns: ${missing.join(', ')} do not exist in table '${tableName}'`);
  }
}

/** validateNonNullable. */
export function checkNonNullable(columns: readonly TableColumn[], choice: ColumnChoice, tableName: string): void {
  const { mode, incrementingColumn, timestampColumns } = choice;
  const timestamps = new Set(timestampColumns.map((c) => c.toLowerCase()));
  let incrementingOptional = false;
  let timestampNotOptional = false;
  for (const column of columns) {
    if (column.name.toLowerCase() === incrementingColumn.toLowerCase()) incrementingOptional = column.optional;
    else if (timestamps.has(column.name.toLowerCase()) && !column.optional) timestampNotOptional = true;
  }
  if ((mode === 'incrementing' || mode === 'timestamp+incrementing') && incrementingOptional) {
    throw new InvalidConfigError(`Cannot make incremental queries using incrementing column ${incrementingColumn} on ${tableName} because this column is nullable.`);
  }
  if ((mode === 'timestamp' || mode === 'timestamp+incrementing') && !timestampNotOptional) {
    throw new InvalidConfigError(`Cannot make incremental queries using timestamp columns ${timestampColumns.join(',')} on ${tableName} because all of these columns are nullable.`);
  }
}

/** The first auto-incrementing column, for an empty incrementing.column.name. */
export function autoIncrementingColumn(columns: readonly TableColumn[], tableName: string): string {
  const column = columns.find((c) => c.autoIncrement);
  if (!column) {
    throw new InvalidConfigError(`${INCREMENTING_COLUMN_NAME_CONFIG} is empty and table '${tableName}' has no auto-incrementing column to use instead; set ${INCREMENTING_COLUMN_NAME_CONFIG}`);
  }
  return column.name;
}
