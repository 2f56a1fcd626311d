import { describe, expect, it } from 'vitest';
import { deleteSql, insertSql, rowsPerStatement, updateSql, type StatementShape } from '#lib/connectors/jdbc/sink/dml-statements';
import { TableId } from '#lib/connectors/jdbc/tables/table-id';

const shape = (o: Partial<StatementShape> = {}): StatementShape => ({
  table: new TableId(null, 'public', 'orders'), keyColumns: ['id'], nonKeyColumns: ['name', 'qty'], quote: 'always', columnType: (c) => (c === 'id' ? 'bigint' : c === 'qty' ? 'integer' : 'text'), ...o,
});

describe('DML statements', () => {
  it('inserts several rows in one statement', () => {
    expect(insertSql(shape(), 2, false)).toBe('INSERT INTO "public"."orders" ("id","name","qty") VALUES ($1,$2,$3),($4,$5,$6)');
  });

  it("upserts with PostgreSQL's ON CONFLICT, doing nothing without non-key columns", () => {
    expect(insertSql(shape(), 1, true)).toBe('INSERT INTO "public"."orders" ("id","name","qty") VALUES ($1,$2,$3) ON CONFLICT ("id") DO UPDATE SET "name"=EXCLUDED."name","qty"=EXCLUDED."qty"');
    expect(insertSql(shape({ nonKeyColumns: [] }), 1, true)).toBe('INSERT INTO "public"."orders" ("id") VALUES ($1) ON CONFLICT ("id") DO NOTHING');
  });

  it('updates from a typed VALUES list joined on the keys, or every row without keys', () => {
    expect(updateSql(shape(), 2)).toBe(
      'UPDATE "public"."orders" AS "__lc_t" SET "name"="__lc_v"."name", "qty"="__lc_v"."qty" FROM (VALUES ($1::text,$2::integer,$3::bigint),($4::text,$5::integer,$6::bigint)) AS "__lc_v"("name","qty","id") WHERE "__lc_t"."id"="__lc_v"."id"',
    );
    expect(updateSql(shape({ keyColumns: [] }), 1)).toBe('UPDATE "public"."orders" SET "name" = $1, "qty" = $2');
  });

  it('deletes by a typed VALUES list of keys', () => {
    expect(deleteSql(shape({ keyColumns: ['a', 'b'] }), 2)).toBe(
      'DELETE FROM "public"."orders" AS "__lc_t" USING (VALUES ($1::text,$2::text),($3::text,$4::text)) AS "__lc_v"("a","b") WHERE "__lc_t"."a"="__lc_v"."a" AND "__lc_t"."b"="__lc_v"."b"',
    );
  });

  it('leaves identifiers unquoted with quote.sql.identifiers=never', () => {
    expect(insertSql(shape({ quote: 'never' }), 1, true)).toBe('INSERT INTO public.orders (id,name,qty) VALUES ($1,$2,$3) ON CONFLICT (id) DO UPDATE SET name=EXCLUDED.name,qty=EXCLUDED.qty');
  });

  it('fits rows per statement to batch.size and 65535 parameters', () => {
    expect([rowsPerStatement(3, 3000), rowsPerStatement(70, 3000), rowsPerStatement(70000, 10), rowsPerStatement(5, 0)]).toEqual([3000, 936, 1, 1]);
  });
});
