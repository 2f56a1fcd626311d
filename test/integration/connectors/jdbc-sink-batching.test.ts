import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SqlWriteError } from '#lib/connectors/jdbc/sink/sink-errors';
import { PREPARE_THRESHOLD } from '#lib/connectors/jdbc/sink/statement-names';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { RetriableError } from '#lib/errors';
import { usePostgres } from '#test/support/postgres';
import { sinkRecord } from '#test/unit/connectors/sink-task-context';
import { dmlStatements, errorOf, rows, startSink, struct, structRecords } from './jdbc-sink-harness';

const db = usePostgres();

const ROW = SchemaBuilder.struct().name('Row').field('id', Schema.INT64_SCHEMA).field('name', Schema.STRING_SCHEMA).build();
const KEY = SchemaBuilder.struct().field('id', Schema.INT64_SCHEMA).build();
const rowsOf = (n: number, name = 'n', first = 1): Record<string, unknown>[] => Array.from({ length: n }, (_, i) => ({ id: BigInt(first + i), name: `${name}${first + i}` }));
const keyed = { schema: KEY, of: (v: Record<string, unknown>) => struct(KEY, { id: v.id }) };
const verb = (sql: string): string => sql.split(' ')[0] as string;

describe('JDBC sink batching', () => {
  it('writes each table of a put with one multi-row INSERT', async () => {
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true' });
    const batch = [...structRecords('batch_a', ROW, rowsOf(500)), ...structRecords('batch_b', ROW, rowsOf(300))];
    const statements = await dmlStatements(() => task.put(batch));
    expect(statements.map(verb)).toEqual(['INSERT', 'INSERT']);
    expect(await rows(db.pool, "SELECT (SELECT count(*) FROM batch_a)::int AS a, (SELECT count(*) FROM batch_b)::int AS b")).toEqual([{ a: 500, b: 300 }]);
  });

  it('writes upserts, updates and deletes as one statement each', async () => {
    const props = { 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'record_key', 'delete.enabled': 'true' };
    const { task: upserter } = await startSink({ ...props, 'insert.mode': 'upsert' });
    const upserts = await dmlStatements(() => upserter.put(structRecords('batch_c', ROW, rowsOf(400), 0, keyed)));
    const { task: updater } = await startSink({ ...props, 'insert.mode': 'update' });
    const tombstones = rowsOf(100).map((v, i) => sinkRecord({ topic: 'batch_c', offset: 1000 + i, keySchema: KEY, key: struct(KEY, { id: v.id }), value: null }));
    const updates = await dmlStatements(() => updater.put([...structRecords('batch_c', ROW, rowsOf(300, 'u', 101), 400, keyed), ...tombstones]));
    expect([upserts.map(verb), updates.map(verb)]).toEqual([['INSERT'], ['UPDATE', 'DELETE']]);
    expect(await rows(db.pool, "SELECT count(*)::int AS n, count(*) FILTER (WHERE name LIKE 'u%')::int AS updated FROM batch_c")).toEqual([{ n: 300, updated: 300 }]);
  });

  it('splits a table batch by batch.size', async () => {
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'batch.size': '100' });
    expect((await dmlStatements(() => task.put(structRecords('batch_d', ROW, rowsOf(250))))).length).toBe(3);
  });

  it("splits statements at PostgreSQL's 65535 parameters", async () => {
    let builder = SchemaBuilder.struct();
    for (let c = 0; c < 70; c++) builder = builder.field(`c${c}`, Schema.INT32_SCHEMA);
    const wide = builder.build();
    const value = Object.fromEntries(Array.from({ length: 70 }, (_, c) => [`c${c}`, c]));
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true' });
    const statements = await dmlStatements(() => task.put(structRecords('batch_wide', wide, Array.from({ length: 1000 }, () => value))));
    expect(statements.length).toBe(2);
    expect(await rows(db.pool, 'SELECT count(*)::int AS n, sum(c69)::int AS s FROM batch_wide')).toEqual([{ n: 1000, s: 69000 }]);
  });

  it('starts a new statement when the value schema changes', async () => {
    const v2 = SchemaBuilder.struct().name('Row').version(2).field('id', Schema.INT64_SCHEMA).field('name', Schema.STRING_SCHEMA).field('extra', Schema.OPTIONAL_INT32_SCHEMA).build();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'auto.evolve': 'true' });
    const batch = [...structRecords('batch_e', ROW, rowsOf(3)), ...structRecords('batch_e', v2, [{ id: 9n, name: 'x', extra: 1 }], 3), ...structRecords('batch_e', ROW, rowsOf(2, 'n', 4), 4)];
    expect((await dmlStatements(() => task.put(batch))).length).toBe(3);
    expect(await rows(db.pool, 'SELECT count(*)::int AS n, count(extra)::int AS extra FROM batch_e')).toEqual([{ n: 6, extra: 1 }]);
  });
});

describe('JDBC sink failures', () => {
  const constrained = async (table: string): Promise<void> => {
    await db.pool.query(`CREATE TABLE ${table} (id bigint PRIMARY KEY, name text NOT NULL CHECK (name <> 'bad'))`);
  };

  it('leaves nothing of a batch the database refuses a record of, and fails with the SQL message', async () => {
    await constrained('refused');
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'table.name.format': 'refused' });
    const error = await errorOf(task.put(structRecords('t', ROW, [{ id: 1n, name: 'ok' }, { id: 2n, name: 'bad' }, { id: 3n, name: 'ok' }])));
    expect(error).toBeInstanceOf(SqlWriteError);
    expect((error as SqlWriteError).retriable).toBe(false);
    expect((error as Error).message).toMatch(/^Failed to write to table "public"."refused": new row for relation "refused" violates check constraint "refused_name_check" \(SQLState: 23514\) Detail: Failing row contains \(2, bad\)\.$/);
    expect(await rows(db.pool, 'SELECT count(*)::int AS n FROM refused')).toEqual([{ n: 0 }]);
  });

  it('with an errant record reporter, reports the refused records and commits the others', async () => {
    await constrained('reported');
    const { task, context } = await startSink({ 'connection.url': db.jdbcUrl, 'table.name.format': 'reported' }, { withReporter: true });
    await task.put(structRecords('t', ROW, [{ id: 1n, name: 'ok' }, { id: 2n, name: 'bad' }, { id: 1n, name: 'dup' }, { id: 4n, name: 'ok' }]));
    expect(context.reported.map((r) => [r.record.kafkaOffset, (r.error as SqlWriteError).sqlState])).toEqual([[1n, '23514'], [2n, '23505']]);
    expect(await rows(db.pool, 'SELECT id, name FROM reported ORDER BY id')).toEqual([{ id: '1', name: 'ok' }, { id: '4', name: 'ok' }]);
  });

  it('commits nothing when the reporter refuses a record (errors.tolerance=none)', async () => {
    await constrained('intolerant');
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'table.name.format': 'intolerant' }, { withReporter: true, reportFails: true });
    await expect(task.put(structRecords('t', ROW, [{ id: 1n, name: 'ok' }, { id: 2n, name: 'bad' }]))).rejects.toThrow('Tolerance exceeded in error handler');
    expect(await rows(db.pool, 'SELECT count(*)::int AS n FROM intolerant')).toEqual([{ n: 0 }]);
  });

  it('keeps writing a repeated statement after it became a named prepared statement and the database refused it once', async () => {
    await constrained('prepared_again');
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'table.name.format': 'prepared_again', 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'id' });
    for (let i = 1; i <= PREPARE_THRESHOLD; i++) await task.put(structRecords('t', ROW, [{ id: 1n, name: `a${i}` }, { id: 2n, name: `b${i}` }]));
    await expect(task.put(structRecords('t', ROW, [{ id: 1n, name: 'bad' }, { id: 2n, name: 'c' }]))).rejects.toBeInstanceOf(SqlWriteError);
    await task.put(structRecords('t', ROW, [{ id: 1n, name: 'd' }, { id: 2n, name: 'e' }]));
    expect(await rows(db.pool, 'SELECT id, name FROM prepared_again ORDER BY id')).toEqual([{ id: '1', name: 'd' }, { id: '2', name: 'e' }]);
  });

  it('turns a connection lost during a put into a RetriableError with retry.backoff.ms, and the retried put writes the batch once', async () => {
    await db.pool.query('CREATE TABLE lost_rows (id bigint PRIMARY KEY, name text)');
    const { task, context } = await startSink({ 'connection.url': `${db.jdbcUrl}&ApplicationName=sink-lost`, 'table.name.format': 'lost_rows', 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'id', 'retry.backoff.ms': '250' });
    const batch = structRecords('t', ROW, rowsOf(50));
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE lost_rows IN ACCESS EXCLUSIVE MODE');
      const pending = errorOf(task.put(batch));
      await waitFor(async () => (await rows(db.pool, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'sink-lost' AND wait_event_type = 'Lock'"))[0]?.n === 1);
      await db.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'sink-lost'");
      expect(await pending).toBeInstanceOf(RetriableError);
      expect(context.timeouts).toEqual([250]);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    await task.put(batch);
    expect(await rows(db.pool, 'SELECT count(*)::int AS n FROM lost_rows')).toEqual([{ n: 50 }]);
  });

  it('fails the task once max.retries consecutive puts could not reach the database', async () => {
    const { task, context } = await startSink({ 'connection.url': 'jdbc:postgresql://127.0.0.1:1/none?user=x', 'max.retries': '1', 'retry.backoff.ms': '10' });
    const batch = structRecords('t', ROW, rowsOf(1));
    await expect(task.put(batch)).rejects.toBeInstanceOf(RetriableError);
    const last = await errorOf(task.put(batch));
    expect([(last as RetriableError).retriable, (last as Error).message]).toEqual([false, expect.stringMatching(/^Failing task after exhausting retries \(max\.retries=1\): Could not connect to the database 127\.0\.0\.1:1\/none: /)]);
    expect(context.timeouts).toEqual([10]);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
