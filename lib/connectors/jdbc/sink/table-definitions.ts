/**
 * Confluent's TableDefinitions: what the sink knows of a destination table — its type (TABLE,
 * PARTITIONED TABLE or VIEW, among `table.types`) and its columns with their types — read from
 * the catalog once and cached until `refresh` (after DDL) or `clear` (after a rollback, which may
 * have undone DDL). A missing table (or one of a type not in table.types) is null.
 */
import type pg from 'pg';
import type { QuoteMethod, TableId } from '../tables/table-id';
import type { TableType } from './jdbc-sink-keys';

export interface TableDefinition {
  readonly type: TableType;
  /** Column name → type as `format_type` prints it without modifiers (e.g. `character varying`). */
  readonly columns: ReadonlyMap<string, string>;
}

const RELKINDS: Readonly<Record<TableType, string>> = { TABLE: 'r', 'PARTITIONED TABLE': 'p', VIEW: 'v' };
const TYPES_BY_RELKIND: Readonly<Record<string, TableType>> = { r: 'TABLE', p: 'PARTITIONED TABLE', v: 'VIEW' };

const DESCRIBE = `SELECT c.relkind, a.attname, pg_catalog.format_type(a.atttypid, NULL) AS type
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = ANY($3::"char"[])
  ORDER BY a.attnum`;

export class TableDefinitions {
  readonly #cache = new Map<string, TableDefinition | null>();
  readonly #relkinds: string[];
  readonly #quote: QuoteMethod;

  constructor(tableTypes: ReadonlySet<TableType>, quote: QuoteMethod) {
    this.#relkinds = [...tableTypes].map((t) => RELKINDS[t]);
    this.#quote = quote;
  }

  async get(client: pg.ClientBase, table: TableId): Promise<TableDefinition | null> {
    const cached = this.#cache.get(keyOf(table));
    return cached !== undefined ? cached : this.refresh(client, table);
  }

  async refresh(client: pg.ClientBase, table: TableId): Promise<TableDefinition | null> {
    // Unquoted identifiers fold to lower case, so that is the name the catalog holds.
    const fold = (name: string): string => (this.#quote === 'never' ? name.toLowerCase() : name);
    const result = await client.query<{ relkind: string; attname: string | null; type: string | null }>(DESCRIBE, [fold(table.schema ?? 'public'), fold(table.table), this.#relkinds]);
    const first = result.rows[0];
    const definition: TableDefinition | null =
      first === undefined ? null : { type: TYPES_BY_RELKIND[first.relkind] as TableType, columns: new Map(result.rows.filter((r) => r.attname !== null).map((r) => [r.attname as string, r.type as string])) };
    this.#cache.set(keyOf(table), definition);
    return definition;
  }

  clear(): void {
    this.#cache.clear();
  }
}

/** A column's type: by exact name, else case-insensitively (as Confluent matches columns), else text. */
export function columnTypeOf(definition: TableDefinition | null, name: string): string {
  const exact = definition?.columns.get(name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [column, type] of definition?.columns ?? []) if (column.toLowerCase() === lower) return type;
  return 'text';
}

function keyOf(table: TableId): string {
  return JSON.stringify([table.catalog, table.schema, table.table]);
}
