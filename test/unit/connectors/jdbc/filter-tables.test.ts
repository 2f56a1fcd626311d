import { describe, expect, it } from 'vitest';
import { checkNoDuplicateTableNames, filterTables } from '#lib/connectors/jdbc/tables/filter-tables';
import { TableId, unquotedTableId } from '#lib/connectors/jdbc/tables/table-id';

const tables = [new TableId(null, 'public', 'users'), new TableId(null, 'public', 'orders'), new TableId(null, 'audit', 'users_log')];
const none = { whitelist: [], blacklist: [], includeList: [], excludeList: [] };
const names = (list: TableId[]): string[] => list.map(unquotedTableId);

describe('filterTables', () => {
  it('keeps every table without filters', () => {
    expect(names(filterTables(tables, none))).toEqual(['public.users', 'public.orders', 'audit.users_log']);
  });

  it('matches whitelist entries as schema.table, quoted, or bare table names', () => {
    expect(names(filterTables(tables, { ...none, whitelist: ['public.users', '"public"."orders"', 'users_log'] }))).toEqual(['public.users', 'public.orders', 'audit.users_log']);
  });

  it('drops blacklisted tables', () => {
    expect(names(filterTables(tables, { ...none, blacklist: ['orders'] }))).toEqual(['public.users', 'audit.users_log']);
  });

  it('fully matches include and exclude regexes against schema.table', () => {
    expect(names(filterTables(tables, { ...none, includeList: ['.*users.*'], excludeList: ['audit\\..*'] }))).toEqual(['public.users']);
    expect(names(filterTables(tables, { ...none, includeList: ['users'] }))).toEqual([]);
  });

  it('refuses tables sharing an unqualified name', () => {
    expect(() => checkNoDuplicateTableNames([new TableId(null, 'a', 't'), new TableId(null, 'b', 't')], { ...none, whitelist: ['t'] })).toThrow(
      /Update the connector's 'table.whitelist' config[\s\S]*\[\["a"."t", "b"."t"\]\]$/,
    );
  });
});
