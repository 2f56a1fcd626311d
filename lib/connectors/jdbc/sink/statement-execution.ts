/**
 * Writes a flushed buffer as few statements as PostgreSQL allows: rows are chunked by batch.size
 * and the 65535-parameter limit. Upserts and updates keep only the last record per key within a
 * flush (what running them one by one would leave, and one statement may not touch a row twice);
 * an update without key columns applies the last record to the whole table (Confluent's
 * `UPDATE t SET …` per record ends the same way). Parameters are bound straight into each
 * statement's value list; a statement that repeats on a connection becomes a named prepared
 * statement (statement-names.ts).
 * Failures become sink errors naming the table (sink-errors.ts).
 */
import type pg from 'pg';
import type { SinkRecord } from '#lib/data/connect-record';
import { formatTableId } from '../tables/table-id';
import { deleteSql, insertSql, rowsPerStatement, updateSql, type StatementShape } from './dml-statements';
import type { InsertMode } from './jdbc-sink-keys';
import type { ColumnParam, RowBinding } from './row-binding';
import { sinkWriteError } from './sink-errors';
import { statementName } from './statement-names';

export interface PreparedTable {
  readonly shape: StatementShape;
  readonly binding: RowBinding;
  readonly insertMode: InsertMode;
  readonly batchSize: number;
}

export async function executeWrites(client: pg.ClientBase, prepared: PreparedTable, records: readonly SinkRecord[]): Promise<void> {
  if (records.length === 0) return;
  const { shape, binding, insertMode } = prepared;
  if (insertMode === 'update') {
    // Nothing to set: Confluent's statement would be a syntax error; there is nothing to change either.
    if (shape.nonKeyColumns.length === 0) return;
    const columns = [...binding.nonKeys, ...binding.keys];
    if (shape.keyColumns.length === 0) return run(client, prepared, updateSql(shape, 1), bind(records.slice(-1), columns));
    return inChunks(client, prepared, lastPerKey(records, binding.keys), columns, (n) => updateSql(shape, n));
  }
  const upsert = insertMode === 'upsert';
  const unique = upsert ? lastPerKey(records, binding.keys) : records;
  return inChunks(client, prepared, unique, [...binding.keys, ...binding.nonKeys], (n) => insertSql(shape, n, upsert));
}

export async function executeDeletes(client: pg.ClientBase, prepared: PreparedTable, records: readonly SinkRecord[]): Promise<void> {
  if (records.length === 0) return;
  const { keys } = prepared.binding;
  return inChunks(client, prepared, lastPerKey(records, keys), keys, (n) => deleteSql(prepared.shape, n));
}

/** The last record per key (the key columns' parameters), in the order of those last records. */
function lastPerKey(records: readonly SinkRecord[], keys: readonly ColumnParam[]): readonly SinkRecord[] {
  const byKey = new Map<string, SinkRecord>();
  for (const record of records) {
    // Parameter texts never contain NUL (PostgreSQL refuses it in text), so it can separate them.
    let key = '';
    for (const param of keys) key += `${param(record) ?? '\u0001'}\u0000`;
    byKey.delete(key);
    byKey.set(key, record);
  }
  return byKey.size === records.length ? records : [...byKey.values()];
}

async function inChunks(client: pg.ClientBase, prepared: PreparedTable, records: readonly SinkRecord[], columns: readonly ColumnParam[], sql: (rows: number) => string): Promise<void> {
  const size = rowsPerStatement(columns.length, prepared.batchSize);
  for (let start = 0; start < records.length; start += size) {
    const chunk = records.slice(start, start + size);
    await run(client, prepared, sql(chunk.length), bind(chunk, columns));
  }
}

/** The statement's parameters: every column of the first record, then of the next, … */
function bind(records: readonly SinkRecord[], columns: readonly ColumnParam[]): (string | null)[] {
  const values = new Array<string | null>(records.length * columns.length);
  let n = 0;
  for (const record of records) for (const column of columns) values[n++] = column(record);
  return values;
}

async function run(client: pg.ClientBase, prepared: PreparedTable, text: string, values: (string | null)[]): Promise<void> {
  const name = statementName(client, text);
  try {
    await client.query(name === undefined ? { text, values } : { name, text, values });
  } catch (err) {
    throw sinkWriteError(err, `Failed to write to table ${formatTableId(prepared.shape.table, 'always')}`);
  }
}
