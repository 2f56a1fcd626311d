import { describe, expect, it } from 'vitest';
import { TableAlterOrCreateError } from '#lib/connectors/jdbc/sink/sink-errors';
import { BigDecimal } from '#lib/data/big-decimal';
import { ConnectDecimal } from '#lib/data/connect-decimal';
import { ConnectDate, ConnectTime, ConnectTimestamp } from '#lib/data/connect-temporal';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { usePostgres } from '#test/support/postgres';
import { errorOf, rows, startSink, struct, structRecords } from './jdbc-sink-harness';

const db = usePostgres();

async function columns(table: string): Promise<Record<string, unknown>[]> {
  return rows(
    db.pool,
    `SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS "default" FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`,
  );
}

describe('JDBC sink auto.create', () => {
  it("creates the table with the PostgreSQL dialect's type for every Connect type", async () => {
    const schema = SchemaBuilder.struct()
      .field('i8', Schema.INT8_SCHEMA)
      .field('i16', Schema.INT16_SCHEMA)
      .field('i32', Schema.INT32_SCHEMA)
      .field('i64', Schema.INT64_SCHEMA)
      .field('f32', Schema.FLOAT32_SCHEMA)
      .field('f64', Schema.FLOAT64_SCHEMA)
      .field('flag', Schema.BOOLEAN_SCHEMA)
      .field('text', Schema.STRING_SCHEMA)
      .field('raw', Schema.BYTES_SCHEMA)
      .field('amount', ConnectDecimal.schema(2))
      .field('day', ConnectDate.SCHEMA)
      .field('clock', ConnectTime.SCHEMA)
      .field('at', ConnectTimestamp.SCHEMA)
      .field('tags', SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
      .field('note', Schema.OPTIONAL_STRING_SCHEMA)
      .build();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true' });
    const value = { i8: 1, i16: 2, i32: 3, i64: 4n, f32: 1.5, f64: 2.5, flag: true, text: 't', raw: new Uint8Array([1]), amount: new BigDecimal(1n, 2), day: new Date(0), clock: new Date(0), at: new Date(0), tags: ['x'], note: null };
    await task.put(structRecords('typed', schema, [value]));
    expect((await columns('typed')).map((c) => [c.name, c.type, c.nullable])).toEqual([
      ['i8', 'smallint', 'NO'],
      ['i16', 'smallint', 'NO'],
      ['i32', 'integer', 'NO'],
      ['i64', 'bigint', 'NO'],
      ['f32', 'real', 'NO'],
      ['f64', 'double precision', 'NO'],
      ['flag', 'boolean', 'NO'],
      ['text', 'text', 'NO'],
      ['raw', 'bytea', 'NO'],
      ['amount', 'numeric', 'NO'],
      ['day', 'date', 'NO'],
      ['clock', 'time without time zone', 'NO'],
      ['at', 'timestamp without time zone', 'NO'],
      ['tags', 'ARRAY', 'YES'],
      ['note', 'text', 'YES'],
    ]);
  });

  it('gives columns with schema defaults a DEFAULT (and no NOT NULL) and puts key struct fields last by name, as Confluent does', async () => {
    const schema = SchemaBuilder.struct()
      .field('name', SchemaBuilder.string().defaultValue("o'brien").build())
      .field('count', SchemaBuilder.int32().optional().defaultValue(5).build())
      .field('ok', SchemaBuilder.bool().defaultValue(false).build())
      .build();
    const key = SchemaBuilder.struct().field('b', Schema.STRING_SCHEMA).field('a', Schema.STRING_SCHEMA).build();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'record_key' });
    await task.put(structRecords('defaults', schema, [{ name: 'x' }], 0, { schema: key, of: () => struct(key, { a: '1', b: '2' }) }));
    expect((await columns('defaults')).map((c) => [c.name, c.nullable, c.default])).toEqual([
      ['name', 'YES', `'o''brien'::text`],
      ['count', 'YES', '5'],
      ['ok', 'YES', 'false'],
      ['a', 'NO', null],
      ['b', 'NO', null],
    ]);
    expect(await rows(db.pool, 'SELECT * FROM defaults')).toEqual([{ name: 'x', count: 5, ok: false, a: '1', b: '2' }]);
  });

  it("fails with Confluent's message when the table is missing and auto.create is off", async () => {
    const { task } = await startSink({ 'connection.url': db.jdbcUrl });
    const error = await errorOf(task.put(structRecords('absent', SchemaBuilder.struct().field('id', Schema.INT32_SCHEMA).build(), [{ id: 1 }])));
    expect(error).toBeInstanceOf(TableAlterOrCreateError);
    expect((error as Error).message).toBe('Table "public"."absent" is missing and auto-creation is disabled');
  });

  it('reports every record of a missing table to the errant record reporter and goes on', async () => {
    const { task, context } = await startSink({ 'connection.url': db.jdbcUrl }, { withReporter: true });
    await task.put(structRecords('absent2', SchemaBuilder.struct().field('id', Schema.INT32_SCHEMA).build(), [{ id: 1 }, { id: 2 }]));
    expect(context.reported.map((r) => [r.record.kafkaOffset, (r.error as Error).message])).toEqual([
      [0n, 'Table "public"."absent2" is missing and auto-creation is disabled'],
      [1n, 'Table "public"."absent2" is missing and auto-creation is disabled'],
    ]);
  });

  it('writes into table.name.format with a schema and ${topic}', async () => {
    await db.pool.query('CREATE SCHEMA IF NOT EXISTS staging');
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'table.name.format': 'staging.kafka_${topic}' });
    await task.put(structRecords('orders', SchemaBuilder.struct().field('id', Schema.INT32_SCHEMA).build(), [{ id: 1 }]));
    expect(await rows(db.pool, 'SELECT id FROM staging.kafka_orders')).toEqual([{ id: 1 }]);
  });

  it('lower-cases the table name and leaves identifiers unquoted with quote.sql.identifiers=never', async () => {
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'quote.sql.identifiers': 'never' });
    await task.put(structRecords('MixedCase', SchemaBuilder.struct().field('Id', Schema.INT32_SCHEMA).build(), [{ Id: 1 }]));
    await task.put(structRecords('MixedCase', SchemaBuilder.struct().field('Id', Schema.INT32_SCHEMA).build(), [{ Id: 2 }]));
    expect(await rows(db.pool, 'SELECT id FROM mixedcase ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
  });
});

describe('JDBC sink auto.evolve', () => {
  const v1 = SchemaBuilder.struct().name('Row').field('id', Schema.INT64_SCHEMA).field('name', Schema.STRING_SCHEMA).build();
  const v2 = SchemaBuilder.struct().name('Row').version(2).field('id', Schema.INT64_SCHEMA).field('name', Schema.STRING_SCHEMA).field('email', Schema.OPTIONAL_STRING_SCHEMA).field('score', SchemaBuilder.float64().defaultValue(1.5).build()).build();

  it('adds the missing columns, nullable or with their default, and never drops any', async () => {
    await db.pool.query('CREATE TABLE evolving (id bigint PRIMARY KEY, name text NOT NULL, legacy text)');
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.evolve': 'true', 'pk.mode': 'record_value', 'pk.fields': 'id', 'table.name.format': 'evolving' });
    await task.put([...structRecords('t', v1, [{ id: 1n, name: 'a' }]), ...structRecords('t', v2, [{ id: 2n, name: 'b', email: 'b@x' }], 1)]);
    expect((await columns('evolving')).map((c) => [c.name, c.type, c.nullable, c.default])).toEqual([
      ['id', 'bigint', 'NO', null],
      ['name', 'text', 'NO', null],
      ['legacy', 'text', 'YES', null],
      ['email', 'text', 'YES', null],
      ['score', 'double precision', 'YES', '1.5'],
    ]);
    expect(await rows(db.pool, 'SELECT id, email, score FROM evolving ORDER BY id')).toEqual([{ id: '1', email: null, score: 1.5 }, { id: '2', email: 'b@x', score: 1.5 }]);
    await task.put(structRecords('t', v1, [{ id: 3n, name: 'c' }], 2));
    expect((await columns('evolving')).length).toBe(5);
  });

  it("fails with Confluent's message when columns are missing and auto.evolve is off", async () => {
    await db.pool.query('CREATE TABLE frozen (id bigint, name text)');
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'table.name.format': 'frozen' });
    await expect(task.put(structRecords('t', v2, [{ id: 1n, name: 'a' }]))).rejects.toThrow(
      'Table "public"."frozen" is missing fields ([SinkRecordField{schema=Schema{STRING}, name=\'email\', isPrimaryKey=false}, SinkRecordField{schema=Schema{FLOAT64}, name=\'score\', isPrimaryKey=false}]) and auto-evolution is disabled',
    );
  });

  it('refuses to add a required column without a default', async () => {
    await db.pool.query('CREATE TABLE strict (id bigint)');
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.evolve': 'true', 'table.name.format': 'strict' });
    await expect(task.put(structRecords('t', v1, [{ id: 1n, name: 'a' }]))).rejects.toThrow(
      "Cannot ALTER TABLE \"public\".\"strict\" to add missing field SinkRecordField{schema=Schema{STRING}, name='name', isPrimaryKey=false}, as the field is not optional and does not have a default value",
    );
  });

  it('matches columns ignoring case, as Confluent does', async () => {
    await db.pool.query('CREATE TABLE cased ("ID" bigint, "Name" text)');
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'table.name.format': 'cased', 'insert.mode': 'insert' });
    const schema = SchemaBuilder.struct().field('ID', Schema.INT64_SCHEMA).field('Name', Schema.STRING_SCHEMA).build();
    await task.put(structRecords('t', schema, [{ ID: 1n, Name: 'a' }]));
    expect(await rows(db.pool, 'SELECT * FROM cased')).toEqual([{ ID: '1', Name: 'a' }]);
  });

  it('leaves a failed batch without the table it created', async () => {
    const schema = SchemaBuilder.struct().field('id', Schema.INT64_SCHEMA).build();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'record_value' });
    await expect(task.put(structRecords('rolled_back', schema, [{ id: 1n }, { id: 1n }]))).rejects.toThrow(/duplicate key/);
    expect(await rows(db.pool, "SELECT to_regclass('public.rolled_back') AS t")).toEqual([{ t: null }]);
    await task.put(structRecords('rolled_back', schema, [{ id: 1n }]));
    expect(await rows(db.pool, 'SELECT id FROM rolled_back')).toEqual([{ id: '1' }]);
  });
});
