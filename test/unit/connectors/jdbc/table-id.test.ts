import { describe, expect, it } from 'vitest';
import { TableId, compareTableIds, formatTableId, parseQualifiedIdentifier, parseTableIdentifier, unquotedTableId } from '#lib/connectors/jdbc/tables/table-id';

describe('TableId', () => {
  it('parses one, two and three part names, quoted or not', () => {
    expect([parseTableIdentifier('users'), parseTableIdentifier('"public"."Users"'), parseTableIdentifier('db.sales.orders')]).toEqual([
      new TableId(null, null, 'users'),
      new TableId(null, 'public', 'Users'),
      new TableId('db', 'sales', 'orders'),
    ]);
  });

  it('keeps dots inside quoted parts', () => {
    expect(parseQualifiedIdentifier('"a.b".c')).toEqual(['a.b', 'c']);
  });

  it('lower-cases the table name and truncates it to 63 characters like the PostgreSQL dialect', () => {
    expect(parseTableIdentifier('Public.Users', 'never')).toEqual(new TableId(null, 'Public', 'users'));
    expect(parseTableIdentifier('x'.repeat(70)).table).toHaveLength(63);
  });

  it('rejects a name ending in a delimiter or missing a quote', () => {
    expect(() => parseQualifiedIdentifier('a.')).toThrow('Failure parsing fully qualified identifier; ends in delimiter a.');
    expect(() => parseQualifiedIdentifier('"a')).toThrow('missing trailing quote');
  });

  it('formats quoted for SQL and task configs, unquoted for partitions', () => {
    const id = new TableId(null, 'public', 'users');
    expect([formatTableId(id), formatTableId(id, 'never'), unquotedTableId(id)]).toEqual(['"public"."users"', 'public.users', 'public.users']);
  });

  it('orders by table name, then schema, missing parts first', () => {
    const ids = [new TableId(null, 'b', 't'), new TableId(null, null, 't'), new TableId(null, 'a', 's')];
    expect(ids.sort(compareTableIds).map((id) => unquotedTableId(id))).toEqual(['a.s', 't', 'b.t']);
  });
});
