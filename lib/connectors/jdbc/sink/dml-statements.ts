/**
 * Multi-row forms of the PostgreSQL dialect's statements, one statement per chunk of rows:
 * - insert: `INSERT INTO t ("k","a") VALUES ($1,$2),($3,$4)`;
 * - upsert: the same + `ON CONFLICT ("k") DO UPDATE SET "a"=EXCLUDED."a"` (`DO NOTHING` without
 *   non-key columns);
 * - update: `UPDATE t AS "__lc_t" SET "a"="__lc_v"."a" FROM (VALUES ($1::text,$2::bigint),…) AS
 *   "__lc_v"("a","k") WHERE "__lc_t"."k"="__lc_v"."k"`, or without key columns
 *   `UPDATE t SET "a" = $1` (every row, as Confluent's);
 * - delete: `DELETE FROM t AS "__lc_t" USING (VALUES ($1::bigint),…) AS "__lc_v"("k") WHERE …`.
 * INSERT parameters take their column's type; VALUES lists joined to the table carry casts to the
 * column types (without modifiers, so a too long varchar still fails instead of being cut).
 */
import { formatTableId, quoteIdentifier, type QuoteMethod, type TableId } from '../tables/table-id';

/** PostgreSQL's limit on parameters per statement (a 16-bit count in the protocol). */
export const MAX_PARAMETERS = 65535;
const TARGET_ALIAS = '__lc_t';
const VALUES_ALIAS = '__lc_v';

export interface StatementShape {
  table: TableId;
  keyColumns: readonly string[];
  nonKeyColumns: readonly string[];
  quote: QuoteMethod;
  /** The SQL type to cast a column's parameters to (VALUES lists of update and delete). */
  columnType(name: string): string;
}

/** How many rows of `columns` parameters fit one statement. */
export function rowsPerStatement(columns: number, batchSize: number): number {
  return Math.max(1, Math.min(Math.floor(MAX_PARAMETERS / Math.max(columns, 1)), batchSize));
}

export function insertSql(shape: StatementShape, rows: number, upsert: boolean): string {
  const q = (name: string): string => quoteIdentifier(name, shape.quote);
  const columns = [...shape.keyColumns, ...shape.nonKeyColumns];
  const head = `INSERT INTO ${formatTableId(shape.table, shape.quote)} (${columns.map(q).join(',')}) VALUES ${placeholders(rows, columns.length, null)}`;
  if (!upsert) return head;
  const conflict = ` ON CONFLICT (${shape.keyColumns.map(q).join(',')})`;
  if (shape.nonKeyColumns.length === 0) return `${head}${conflict} DO NOTHING`;
  return `${head}${conflict} DO UPDATE SET ${shape.nonKeyColumns.map((c) => `${q(c)}=EXCLUDED.${q(c)}`).join(',')}`;
}

/** Parameters per row: non-key columns, then key columns. */
export function updateSql(shape: StatementShape, rows: number): string {
  const q = (name: string): string => quoteIdentifier(name, shape.quote);
  const table = formatTableId(shape.table, shape.quote);
  if (shape.keyColumns.length === 0) return `UPDATE ${table} SET ${shape.nonKeyColumns.map((c, i) => `${q(c)} = $${i + 1}`).join(', ')}`;
  const [t, v] = [q(TARGET_ALIAS), q(VALUES_ALIAS)];
  const columns = [...shape.nonKeyColumns, ...shape.keyColumns];
  const set = shape.nonKeyColumns.map((c) => `${q(c)}=${v}.${q(c)}`).join(', ');
  const values = placeholders(rows, columns.length, columns.map((c) => shape.columnType(c)));
  return `UPDATE ${table} AS ${t} SET ${set} FROM (VALUES ${values}) AS ${v}(${columns.map(q).join(',')}) WHERE ${joinKeys(shape, t, v)}`;
}

/** Parameters per row: the key columns. */
export function deleteSql(shape: StatementShape, rows: number): string {
  const q = (name: string): string => quoteIdentifier(name, shape.quote);
  const [t, v] = [q(TARGET_ALIAS), q(VALUES_ALIAS)];
  const values = placeholders(rows, shape.keyColumns.length, shape.keyColumns.map((c) => shape.columnType(c)));
  return `DELETE FROM ${formatTableId(shape.table, shape.quote)} AS ${t} USING (VALUES ${values}) AS ${v}(${shape.keyColumns.map(q).join(',')}) WHERE ${joinKeys(shape, t, v)}`;
}

function joinKeys(shape: StatementShape, t: string, v: string): string {
  return shape.keyColumns.map((c) => `${t}.${quoteIdentifier(c, shape.quote)}=${v}.${quoteIdentifier(c, shape.quote)}`).join(' AND ');
}

const placeholderCache = new Map<string, string>();

/** `($1,$2),($3,$4)`, optionally with `::type` casts; the last few shapes are cached. */
function placeholders(rows: number, columns: number, casts: readonly string[] | null): string {
  const key = `${rows}/${columns}/${casts?.join(',') ?? ''}`;
  let text = placeholderCache.get(key);
  if (text !== undefined) return text;
  const suffixes = casts === null ? new Array<string>(columns).fill('') : casts.map((type) => `::${type}`);
  const parts: string[] = new Array<string>(rows);
  let n = 1;
  for (let r = 0; r < rows; r++) {
    let row = '(';
    for (let c = 0; c < columns; c++) row += `${c === 0 ? '' : ','}$${n++}${suffixes[c] as string}`;
    parts[r] = `${row})`;
  }
  text = parts.join(',');
  if (placeholderCache.size >= 32) placeholderCache.clear();
  placeholderCache.set(key, text);
  return text;
}
