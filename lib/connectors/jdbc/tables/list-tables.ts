/**
 * The tables of the database, as Confluent's dialect lists them through pgjdbc's
 * `DatabaseMetaData.getTables(catalog.pattern, schema.pattern, "%", table.types)`: the same
 * TABLE_TYPE names (TABLE, VIEW, PARTITIONED TABLE, MATERIALIZED VIEW, FOREIGN TABLE, SYSTEM TABLE,
 * …, matched case-insensitively), `schema.pattern` as a LIKE pattern, ordered by type, schema and
 * name. pgjdbc ignores the catalog (a connection sees one database), and so do we.
 */
import type pg from 'pg';
import { TableId } from './table-id';

const TABLE_TYPE = `CASE WHEN n.nspname ~ '^pg_' OR n.nspname = 'information_schema' THEN
    CASE WHEN n.nspname = 'pg_catalog' OR n.nspname = 'information_schema' THEN
      CASE c.relkind WHEN 'r' THEN 'SYSTEM TABLE' WHEN 'v' THEN 'SYSTEM VIEW' WHEN 'i' THEN 'SYSTEM INDEX' ELSE NULL END
    WHEN n.nspname = 'pg_toast' THEN
      CASE c.relkind WHEN 'r' THEN 'SYSTEM TOAST TABLE' WHEN 'i' THEN 'SYSTEM TOAST INDEX' ELSE NULL END
    ELSE
      CASE c.relkind WHEN 'r' THEN 'TEMPORARY TABLE' WHEN 'p' THEN 'TEMPORARY TABLE' WHEN 'i' THEN 'TEMPORARY INDEX' WHEN 'S' THEN 'TEMPORARY SEQUENCE' WHEN 'v' THEN 'TEMPORARY VIEW' ELSE NULL END
    END
  ELSE
    CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'PARTITIONED TABLE' WHEN 'i' THEN 'INDEX' WHEN 'P' THEN 'PARTITIONED INDEX' WHEN 'S' THEN 'SEQUENCE'
      WHEN 'v' THEN 'VIEW' WHEN 'c' THEN 'TYPE' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE NULL END
  END`;

const LIST_TABLES = `SELECT nspname, relname FROM (
  SELECT n.nspname, c.relname, ${TABLE_TYPE} AS table_type
  FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid
  WHERE ($2::text IS NULL OR n.nspname LIKE $2)
) t WHERE upper(table_type) = ANY($1::text[]) ORDER BY table_type, nspname, relname`;

export async function listTables(client: pg.ClientBase, tableTypes: readonly string[], schemaPattern: string | null): Promise<TableId[]> {
  const types = tableTypes.map((type) => type.trim().toUpperCase());
  // pgjdbc narrows by schema only for a non-empty pattern.
  const result = await client.query<{ nspname: string; relname: string }>(LIST_TABLES, [types, schemaPattern === '' ? null : schemaPattern]);
  return result.rows.map((row) => new TableId(null, row.nspname, row.relname));
}
