/**
 * Which listed tables a connector copies (Confluent's TableMonitorThread): with
 * `table.include.list`/`table.exclude.list`, tables whose `schema.table` fully matches an include
 * regex and no exclude regex; otherwise `table.whitelist` (or, if unset, everything except
 * `table.blacklist`), whose entries may be `schema.table`, `"schema"."table"` or the bare table name.
 * Two tables with the same unqualified name would share a topic, which Confluent refuses.
 */
import { InvalidConfigError } from '#lib/errors';
import { TABLE_BLACKLIST_CONFIG, TABLE_WHITELIST_CONFIG } from '../config/config-keys';
import { formatTableId, unquotedTableId, type TableId } from './table-id';

export interface TableFilters {
  whitelist: readonly string[];
  blacklist: readonly string[];
  includeList: readonly string[];
  excludeList: readonly string[];
}

export function filterTables(tables: readonly TableId[], filters: TableFilters): TableId[] {
  if (filters.includeList.length > 0 || filters.excludeList.length > 0) {
    const include = filters.includeList.map(fullMatch);
    const exclude = filters.excludeList.map(fullMatch);
    return tables.filter((t) => include.some((re) => re.test(unquotedTableId(t))) && !exclude.some((re) => re.test(unquotedTableId(t))));
  }
  const named = (list: readonly string[], t: TableId): boolean => list.includes(unquotedTableId(t)) || list.includes(formatTableId(t, 'always')) || list.includes(t.table);
  if (filters.whitelist.length > 0) return tables.filter((t) => named(filters.whitelist, t));
  if (filters.blacklist.length > 0) return tables.filter((t) => !named(filters.blacklist, t));
  return [...tables];
}

/** Fails, with Confluent's message, when two tables share an unqualified name. */
export function checkNoDuplicateTableNames(tables: readonly TableId[], filters: TableFilters): void {
  const byName = new Map<string, TableId[]>();
  for (const table of tables) byName.set(table.table, [...(byName.get(table.table) ?? []), table]);
  const duplicates = [...byName.values()].filter((group) => group.length > 1);
  if (duplicates.length === 0) return;
  const configText =
    filters.whitelist.length > 0 ? `'${TABLE_WHITELIST_CONFIG}'` : filters.blacklist.length > 0 ? `'${TABLE_BLACKLIST_CONFIG}'` : `'${TABLE_WHITELIST_CONFIG}' or '${TABLE_BLACKLIST_CONFIG}'`;
  throw new InvalidConfigError(
    'The connector uses the unqualified table name as the topic name and has detected duplicate unqualified table names. This could lead to mixed data types in the topic and downstream processing errors. ' +
      'To prevent such processing errors, the JDBC Source connector fails to start when it detects duplicate table name configurations. ' +
      `Update the connector's ${configText} config to include exactly one table in each of the tables listed below.\n\t` +
      `[${duplicates.map((group) => `[${group.map((t) => formatTableId(t)).join(', ')}]`).join(', ')}]`,
  );
}

function fullMatch(regex: string): RegExp {
  return new RegExp(`^(?:${regex.trim()})$`);
}
