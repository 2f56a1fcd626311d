import { beforeEach, describe, expect, it } from 'vitest';
import type { Struct } from '#lib/data/struct';
import { usePostgres } from '#test/support/postgres';
import { taskContext } from '#test/unit/connectors/task-context';
import { fieldOf, startTask } from './jdbc-task-harness';

const db = usePostgres();
let table: string;
let seq = 0;

beforeEach(() => {
  table = `t${++seq}`;
});

function props(extra: Record<string, string>): Record<string, string> {
  return { 'connection.url': db.jdbcUrl, 'topic.prefix': 'pg-', 'poll.interval.ms': '10', tables: `"public"."${table}"`, 'tables.fetched': 'true', ...extra };
}

async function sql(text: string, values: unknown[] = []): Promise<void> {
  await db.pool.query(text, values);
}

describe('JDBC source, bulk mode', () => {
  it('copies the whole table on every poll interval with protocol-0 partitions and no offsets', async () => {
    await sql(`CREATE TABLE ${table} (id int PRIMARY KEY, name text)`);
    await sql(`INSERT INTO ${table} VALUES (1, 'a'), (2, 'b')`);
    const run = startTask(props({ mode: 'bulk' }));
    const first = await run.pollAll(1);
    expect(first.map((r) => [r.topic, r.sourcePartition, r.sourceOffset, r.key, (r.value as Struct).getString('name')])).toEqual([
      ['pg-' + table, { table }, null, null, 'a'],
      ['pg-' + table, { table }, null, null, 'b'],
    ]);
    expect(fieldOf(await run.pollAll(1), 'id')).toEqual([1, 2]);
  });
});

describe('JDBC source, incrementing mode', () => {
  it('reads existing rows, then only rows inserted later', async () => {
    await sql(`CREATE TABLE ${table} (id serial PRIMARY KEY, name text)`);
    await sql(`INSERT INTO ${table} (name) VALUES ('a'), ('b')`);
    const run = startTask(props({ mode: 'incrementing', 'incrementing.column.name': 'id' }));
    const existing = await run.pollAll();
    expect(existing.map((r) => [r.sourcePartition, r.sourceOffset])).toEqual([
      [{ protocol: '1', table: `public.${table}` }, { incrementing: 1 }],
      [{ protocol: '1', table: `public.${table}` }, { incrementing: 2 }],
    ]);
    await sql(`INSERT INTO ${table} (name) VALUES ('c')`);
    expect(fieldOf(await run.pollAll(), 'name')).toEqual(['c']);
  });

  it('resumes after the committed offset without sending a row twice', async () => {
    await sql(`CREATE TABLE ${table} (id bigint PRIMARY KEY, name text)`);
    await sql(`INSERT INTO ${table} SELECT g, 'n' || g FROM generate_series(1, 5) g`);
    const context = taskContext([[{ protocol: '1', table: `public.${table}` }, { incrementing: 3 }]]);
    expect(fieldOf(await startTask(props({ mode: 'incrementing', 'incrementing.column.name': 'id' }), context).pollAll(), 'id')).toEqual([4n, 5n]);
  });

  it('finds offsets stored under the protocol-0 partition of older connector versions', async () => {
    await sql(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
    await sql(`INSERT INTO ${table} SELECT generate_series(1, 3)`);
    const context = taskContext([[{ table }, { incrementing: 2 }]]);
    expect(fieldOf(await startTask(props({ mode: 'incrementing', 'incrementing.column.name': 'id' }), context).pollAll(), 'id')).toEqual([3]);
  });

  it('continues where a stopped task committed, across task instances', async () => {
    await sql(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
    await sql(`INSERT INTO ${table} SELECT generate_series(1, 10)`);
    const context = taskContext();
    const first = startTask(props({ mode: 'incrementing', 'incrementing.column.name': 'id', 'batch.max.rows': '4' }), context);
    const batch = (await first.task.poll()) ?? [];
    first.commit(batch);
    await first.task.stop();
    const rest = await startTask(props({ mode: 'incrementing', 'incrementing.column.name': 'id', 'batch.max.rows': '4' }), context).pollAll();
    expect([fieldOf(batch, 'id'), fieldOf(rest, 'id')]).toEqual([[1, 2, 3, 4], [5, 6, 7, 8, 9, 10]]);
  });

  it('returns at most batch.max.rows records per poll', async () => {
    await sql(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
    await sql(`INSERT INTO ${table} SELECT generate_series(1, 7)`);
    const run = startTask(props({ mode: 'incrementing', 'incrementing.column.name': 'id', 'batch.max.rows': '3' }));
    const sizes = [];
    for (let i = 0; i < 3; i++) sizes.push((await run.task.poll())?.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('detects the auto-incrementing column when incrementing.column.name is empty', async () => {
    await sql(`CREATE TABLE ${table} (name text, id int GENERATED ALWAYS AS IDENTITY)`);
    await sql(`INSERT INTO ${table} (name) VALUES ('a'), ('b')`);
    expect((await startTask(props({ mode: 'incrementing' })).pollAll()).map((r) => r.sourceOffset)).toEqual([{ incrementing: 1 }, { incrementing: 2 }]);
  });

  it('keeps incrementing offsets beyond 2^53 exact', async () => {
    await sql(`CREATE TABLE ${table} (id bigint PRIMARY KEY)`);
    await sql(`INSERT INTO ${table} VALUES (9007199254740993), (9007199254740995)`);
    const context = taskContext([[{ protocol: '1', table: `public.${table}` }, { incrementing: 9007199254740993n }]]);
    const records = await startTask(props({ mode: 'incrementing', 'incrementing.column.name': 'id' }), context).pollAll();
    expect(records.map((r) => r.sourceOffset)).toEqual([{ incrementing: 9007199254740995n }]);
  });
});

describe('JDBC source, timestamp modes', () => {
  it('timestamp mode reads rows with newer timestamps and keeps microsecond offsets', async () => {
    await sql(`CREATE TABLE ${table} (id int, updated timestamp NOT NULL)`);
    await sql(`INSERT INTO ${table} VALUES (1, '2024-01-01 00:00:00.000001'), (2, '2024-01-01 00:00:01.5')`);
    const run = startTask(props({ mode: 'timestamp', 'timestamp.column.name': 'updated' }));
    const records = await run.pollAll();
    expect(records.map((r) => r.sourceOffset)).toEqual([
      { timestamp: 1704067200000, timestamp_nanos: 1000 },
      { timestamp: 1704067201500, timestamp_nanos: 500000000 },
    ]);
    await sql(`UPDATE ${table} SET updated = '2024-01-02 00:00:00' WHERE id = 1`);
    expect(fieldOf(await run.pollAll(), 'id')).toEqual([1]);
  });

  it('timestamp mode only commits a timestamp once all rows sharing it were read', async () => {
    await sql(`CREATE TABLE ${table} (id int, updated timestamp NOT NULL)`);
    await sql(`INSERT INTO ${table} VALUES (1, '2024-01-01 00:00:00'), (2, '2024-01-01 00:00:05'), (3, '2024-01-01 00:00:05'), (4, '2024-01-01 00:00:09')`);
    const records = await startTask(props({ mode: 'timestamp', 'timestamp.column.name': 'updated', 'batch.max.rows': '2' })).pollAll();
    expect(records.map((r) => r.sourceOffset?.timestamp)).toEqual([1704067200000, 1704067200000, 1704067205000, 1704067209000]);
  });

  it('timestamp+incrementing breaks timestamp ties with the incrementing column, so no row is skipped', async () => {
    await sql(`CREATE TABLE ${table} (id int PRIMARY KEY, updated timestamptz NOT NULL)`);
    await sql(`INSERT INTO ${table} VALUES (1, '2024-01-01 00:00:00Z'), (2, '2024-01-01 00:00:00Z'), (3, '2024-01-01 00:00:00Z')`);
    const context = taskContext();
    const mode = props({ mode: 'timestamp+incrementing', 'timestamp.column.name': 'updated', 'incrementing.column.name': 'id', 'batch.max.rows': '2' });
    const first = startTask(mode, context);
    const batch = (await first.task.poll()) ?? [];
    first.commit(batch);
    await first.task.stop();
    expect(batch.map((r) => r.sourceOffset)).toEqual([
      { timestamp: 1704067200000, timestamp_nanos: 0, incrementing: 1 },
      { timestamp: 1704067200000, timestamp_nanos: 0, incrementing: 2 },
    ]);
    await sql(`INSERT INTO ${table} VALUES (4, '2024-01-01 00:00:00Z')`);
    await sql(`UPDATE ${table} SET updated = '2024-01-03 00:00:00Z' WHERE id = 1`);
    expect(fieldOf(await startTask(mode, context).pollAll(), 'id')).toEqual([3, 4, 1]);
  });

  it('COALESCEs several timestamp columns in order', async () => {
    await sql(`CREATE TABLE ${table} (id int PRIMARY KEY, modified timestamp, created timestamp NOT NULL)`);
    await sql(`INSERT INTO ${table} VALUES (1, NULL, '2024-01-01'), (2, '2024-01-05', '2024-01-02'), (3, NULL, '2024-01-03')`);
    const records = await startTask(props({ mode: 'timestamp+incrementing', 'timestamp.column.name': 'modified,created', 'incrementing.column.name': 'id' })).pollAll();
    expect([fieldOf(records, 'id'), records.map((r) => new Date(r.sourceOffset?.timestamp as number).toISOString().slice(0, 10))]).toEqual([
      [1, 3, 2],
      ['2024-01-01', '2024-01-03', '2024-01-05'],
    ]);
  });

  it('reads timestamp columns in db.timezone', async () => {
    await sql(`CREATE TABLE ${table} (id int PRIMARY KEY, updated timestamp NOT NULL)`);
    await sql(`INSERT INTO ${table} VALUES (1, '2024-07-01 12:00:00')`);
    const records = await startTask(props({ mode: 'timestamp', 'timestamp.column.name': 'updated', 'db.timezone': 'America/New_York' })).pollAll();
    expect([(records[0]?.value as Struct).get('updated'), records[0]?.sourceOffset?.timestamp]).toEqual([new Date('2024-07-01T16:00:00Z'), Date.parse('2024-07-01T16:00:00Z')]);
  });

  it('leaves rows newer than now minus timestamp.delay.interval.ms for later', async () => {
    await sql(`CREATE TABLE ${table} (id int PRIMARY KEY, updated timestamptz NOT NULL)`);
    await sql(`INSERT INTO ${table} VALUES (1, now() - interval '1 hour'), (2, now())`);
    expect(fieldOf(await startTask(props({ mode: 'timestamp', 'timestamp.column.name': 'updated', 'timestamp.delay.interval.ms': '600000' })).pollAll(), 'id')).toEqual([1]);
  });

  it('starts at timestamp.initial when there is no committed offset', async () => {
    await sql(`CREATE TABLE ${table} (id int PRIMARY KEY, updated timestamp NOT NULL)`);
    await sql(`INSERT INTO ${table} VALUES (1, '2020-01-01'), (2, '2024-01-01')`);
    const initial = String(Date.parse('2022-01-01T00:00:00Z'));
    expect(fieldOf(await startTask(props({ mode: 'timestamp', 'timestamp.column.name': 'updated', 'timestamp.initial': initial })).pollAll(), 'id')).toEqual([2]);
  });
});
