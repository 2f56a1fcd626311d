/**
 * Writes a flushed buffer as few statements as PostgreSQL allows: rows are chunked by batch.size
 * and the 65535-parameter limit. Upserts and updates keep only the last row per key within a flush
 * (what running them one by one would leave, and one statement may not touch a row twice); an
 * update without key columns applies the last row to the whole table (Confluent's `UPDATE t SET …`
 * per record ends the same way). Failures become sink errors naming the table (sink-errors.ts).
 */
import type pg from 'pg';
import type { SinkRecord } from '#lib/data/connect-record';
import { formatTableId } from '../tables/table-id';
import { deleteSql, insertSql, rowsPerStatement, updateSql, type StatementShape } from './dml-statements';
import type { InsertMode } from './jdbc-sink-keys';
import type { ColumnParam, RowBinding } from './row-binding';
import { sinkWriteError } from './sink-errors';

export interface PreparedTable {
  readonly shape: StatementShape;
  readonly binding: RowBinding;
  readonly insertMode: InsertMode;
  readonly batchSize: number;
}

type Row = (string | null)[];

export async function executeWrites(client: pg.ClientBase, prepared: PreparedTable, records: readonly SinkRecord[]): Promise<void> {
  if (records.length === 0) return;
  const { shape, binding, insertMode } = prepared;
  if (insertMode === 'update') {
    // Nothing to set: Confluent's statement would be a syntax error; there is nothing to change either.
    if (shape.nonKeyColumns.length === 0) return;
    const rows = records.map((r) => params(r, binding.nonKeys, binding.keys));
    if (shape.keyColumns.length === 0) {
      await run(client, prepared, updateSql(shape, 1), rows.slice(-1));
      return;
    }
    await inChunks(client, prepared, lastPerKey(rows, shape.nonKeyColumns.length), shape.keyColumns.length + shape.nonKeyColumns.length, (n) => updateSql(shape, n));
    return;
  }
  const rows = records.map((r) => params(r, binding.keys, binding.nonKeys));
  const upsert = insertMode === 'upsert';
  const unique = upsert ? lastPerKey(rows, 0, shape.keyColumns.length) : rows;
  await inChunks(client, prepared, unique, shape.keyColumns.length + shape.nonKeyColumns.length, (n) => insertSql(shape, n, upsert));
}

export async function executeDeletes(client: pg.ClientBase, prepared: PreparedTable, records: readonly SinkRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = lastPerKey(records.map((r) => params(r, prepared.binding.keys, [])), 0);
  await inChunks(client, prepared, rows, prepared.shape.keyColumns.length, (n) => deleteSql(prepared.shape, n));
}

function params(record: SinkRecord, first: readonly ColumnParam[], second: readonly ColumnParam[]): Row {
  const row: Row = new Array<string | null>(first.length + second.length);
  for (let i = 0; i < first.length; i++) row[i] = (first[i] as ColumnParam)(record);
  for (let i = 0; i < second.length; i++) row[first.length + i] = (second[i] as ColumnParam)(record);
  return row;
}

/** The last row per key, the key being the row's parameters from `start` to `end`. */
function lastPerKey(rows: readonly Row[], start: number, end?: number): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) {
    const key = JSON.stringify(row.slice(start, end));
    byKey.delete(key);
    byKey.set(key, row);
  }
  return [...byKey.values()];
}

async function inChunks(client: pg.ClientBase, prepared: PreparedTable, rows: readonly Row[], columns: number, sql: (rows: number) => string): Promise<void> {
  const size = rowsPerStatement(columns, prepared.batchSize);
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    await run(client, prepared, sql(chunk.length), chunk);
  }
}

async function run(client: pg.ClientBase, prepared: PreparedTable, text: string, rows: readonly Row[]): Promise<void> {
  try {
    await client.query({ text, values: rows.flat() });
  } catch (err) {
    throw sinkWriteError(err, `Failed to write to table ${formatTableId(prepared.shape.table, 'always')}`);
  }
}
