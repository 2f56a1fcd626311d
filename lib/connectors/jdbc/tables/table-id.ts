/**
 * Confluent's TableId and the identifier rules of its PostgreSQL dialect: `.` between parts, `"`
 * around quoted parts (no escaping inside, as Confluent's IdentifierRules), and quoting per
 * `quote.sql.identifiers` (`always` by default). Tables found in the database carry no catalog
 * (PostgreSqlDatabaseDialect drops the driver's catalog), so names are `schema.table`.
 */
import { ConfigException } from '#lib/plugin/config-exception';

export type QuoteMethod = 'always' | 'never';

/** Confluent's QuoteMethod.get: case-insensitive. */
export function parseQuoteMethod(value: string): QuoteMethod {
  const lower = value.toLowerCase();
  if (lower === 'always' || lower === 'never') return lower;
  throw new ConfigException(`No matching QuoteMethod found for '${value}'`);
}

export class TableId {
  constructor(
    readonly catalog: string | null,
    readonly schema: string | null,
    readonly table: string,
  ) {}

  equals(other: TableId): boolean {
    return this.catalog === other.catalog && this.schema === other.schema && this.table === other.table;
  }
}

/** TableId.compareTo: by table name, then schema, then catalog (a missing part first). */
export function compareTableIds(a: TableId, b: TableId): number {
  return compareStrings(a.table, b.table) || compareNullable(a.schema, b.schema) || compareNullable(a.catalog, b.catalog);
}

/** `"schema"."table"` (always) or `schema.table` (never). */
export function formatTableId(id: TableId, quote: QuoteMethod = 'always'): string {
  return [id.catalog, id.schema, id.table].filter((part): part is string => part !== null).map((part) => quoteIdentifier(part, quote)).join('.');
}

export function quoteIdentifier(name: string, quote: QuoteMethod): string {
  return quote === 'always' ? `"${name}"` : name;
}

/** `schema.table`, the name in source partitions and what table.include.list regexes match. */
export function unquotedTableId(id: TableId): string {
  return formatTableId(id, 'never');
}

/** PostgreSQL's maximum identifier length (NAMEDATALEN - 1). */
const MAX_IDENTIFIER_LENGTH = 63;

/**
 * PostgreSqlDatabaseDialect.parseTableIdentifier: one part is a table, two `schema.table`, three
 * `catalog.schema.table`; the table name is truncated to 63 characters and, with
 * `quote.sql.identifiers=never`, lower-cased.
 */
export function parseTableIdentifier(fqn: string, quote: QuoteMethod = 'always'): TableId {
  const parts = parseQualifiedIdentifier(fqn);
  let id: TableId;
  if (parts.length === 1) id = new TableId(null, null, parts[0] as string);
  else if (parts.length === 3) id = new TableId(parts[0] as string, parts[1] as string, parts[2] as string);
  else if (parts.length === 2) id = new TableId(null, parts[0] as string, parts[1] as string);
  else throw new Error(`Invalid fully qualified name: '${fqn}'`);
  const table = id.table.length > MAX_IDENTIFIER_LENGTH ? id.table.slice(0, MAX_IDENTIFIER_LENGTH) : id.table;
  return new TableId(id.catalog || null, id.schema || null, quote === 'never' ? table.toLowerCase() : table);
}

/** IdentifierRules.parseQualifiedIdentifier with `.` and `"`. */
export function parseQualifiedIdentifier(fqn: string): string[] {
  const parts: string[] = [];
  let rest = fqn;
  do {
    let segment: string;
    if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      if (end < 0) throw new Error(`Failure parsing fully qualified identifier; missing trailing quote in ${fqn}`);
      segment = rest.slice(1, end);
      rest = rest.slice(end + 1);
      if (rest.startsWith('.')) rest = afterDelimiter(rest, fqn);
    } else {
      const index = rest.indexOf('.');
      segment = index === -1 ? rest : rest.slice(0, index);
      rest = index === -1 ? '' : afterDelimiter(rest.slice(index), fqn);
    }
    parts.push(segment);
  } while (rest.length > 0);
  return parts;
}

function afterDelimiter(rest: string, fqn: string): string {
  const next = rest.slice(1);
  if (next.length === 0) throw new Error(`Failure parsing fully qualified identifier; ends in delimiter ${fqn}`);
  return next;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : -1;
  return b === null ? 1 : compareStrings(a, b);
}
