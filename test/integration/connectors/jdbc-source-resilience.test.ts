import { describe, expect, it } from 'vitest';
import { createJdbcPool, withConnection } from '#lib/connectors/jdbc/connection/pg-pool';
import { JdbcSourceConnector } from '#lib/connectors/jdbc/jdbc-source-connector';
import { RetriableError } from '#lib/errors';
import { usePostgres } from '#test/support/postgres';
import { taskContext } from '#test/unit/connectors/task-context';
import { fieldOf, startTask } from './jdbc-task-harness';

const db = usePostgres();

describe('JDBC source resilience', () => {
  it('reads a custom query incrementally under the query partition and resumes from its offset', async () => {
    await db.pool.query('CREATE TABLE q_items (id int PRIMARY KEY, name text)');
    await db.pool.query(`INSERT INTO q_items SELECT g, 'n' || g FROM generate_series(1, 4) g`);
    const props = { 'connection.url': db.jdbcUrl, mode: 'incrementing', 'incrementing.column.name': 'id', query: 'SELECT id, upper(name) AS name FROM q_items', 'topic.prefix': 'items', 'poll.interval.ms': '10', tables: '', 'tables.fetched': 'true' };
    const context = taskContext();
    const first = startTask(props, context);
    const records = await first.pollAll();
    expect(records.map((r) => [r.topic, r.sourcePartition, r.sourceOffset])).toEqual([1, 2, 3, 4].map((id) => ['items', { query: 'query' }, { incrementing: id }]));
    first.commit(records.slice(0, 2));
    await first.task.stop();
    expect(fieldOf(await startTask(props, context).pollAll(), 'name')).toEqual(['N3', 'N4']);
  });

  it('turns a connection lost in the middle of a query into a RetriableError and then resumes without skipping rows', async () => {
    await db.pool.query('CREATE TABLE lost (id int PRIMARY KEY)');
    await db.pool.query('INSERT INTO lost SELECT generate_series(1, 6)');
    const props = { 'connection.url': `${db.jdbcUrl}&ApplicationName=lost-test`, mode: 'incrementing', 'incrementing.column.name': 'id', 'batch.max.rows': '2', 'poll.interval.ms': '10', tables: '"public"."lost"', 'tables.fetched': 'true' };
    const run = startTask(props);
    const first = (await run.task.poll()) ?? [];
    await db.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lost-test'`);
    await expect(run.task.poll()).rejects.toBeInstanceOf(RetriableError);
    const rest = await run.pollAll();
    expect([fieldOf(first, 'id'), fieldOf(rest, 'id')]).toEqual([[1, 2], [3, 4, 5, 6]]);
  });

  it('ends a pending poll soon when stopped', async () => {
    await db.pool.query('CREATE TABLE idle (id int PRIMARY KEY)');
    const run = startTask({ 'connection.url': db.jdbcUrl, mode: 'bulk', 'poll.interval.ms': '60000', tables: '"public"."idle"', 'tables.fetched': 'true' });
    await run.task.poll();
    const started = Date.now();
    const pending = run.task.poll();
    await run.task.stop();
    expect(await pending).toBeNull();
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('applies the session settings to every connection of its pool', async () => {
    const jdbc = createJdbcPool({ connectionUrl: db.jdbcUrl, user: null, password: null });
    try {
      const settings = await withConnection(jdbc, async (client) => (await client.query("SELECT current_setting('extra_float_digits') AS e, current_setting('TimeZone') AS z")).rows[0]);
      expect(settings).toEqual({ e: '3', z: 'UTC' });
    } finally {
      await jdbc.pool.end();
    }
  });

  it('fails to start the connector with a RetriableError when the database is unreachable', async () => {
    await expect(new JdbcSourceConnector().start({ 'connection.url': 'jdbc:postgresql://127.0.0.1:1/db?user=x', mode: 'bulk' })).rejects.toBeInstanceOf(RetriableError);
  });
});
