import { beforeAll, describe, expect, it } from 'vitest';
import { JdbcSourceConnector } from '#lib/connectors/jdbc/jdbc-source-connector';
import { InvalidConfigError, RetriableError } from '#lib/errors';
import { usePostgres } from '#test/support/postgres';
import { startTask } from './jdbc-task-harness';

const db = usePostgres();

beforeAll(async () => {
  await db.pool.query('CREATE SCHEMA other');
  for (const name of ['alpha', 'bravo', 'charlie', 'delta', 'echo']) await db.pool.query(`CREATE TABLE public.${name} (id int PRIMARY KEY, n int)`);
  await db.pool.query('CREATE TABLE other.foxtrot (id int PRIMARY KEY)');
  await db.pool.query('CREATE TABLE other.alpha (id int PRIMARY KEY)');
  await db.pool.query('CREATE VIEW public.v_alpha AS SELECT * FROM public.alpha');
});

function connectorProps(extra: Record<string, string>): Record<string, string> {
  return { 'connector.class': 'JdbcSourceConnector', name: 'pg', 'connection.url': db.jdbcUrl, mode: 'bulk', 'topic.prefix': 'pg-', ...extra };
}

async function taskTables(extra: Record<string, string>, maxTasks: number): Promise<string[]> {
  const connector = new JdbcSourceConnector();
  await connector.start(connectorProps(extra));
  try {
    return (await connector.taskConfigs(maxTasks)).map((c) => c.tables ?? '');
  } finally {
    await connector.stop();
  }
}

async function errorsOf(extra: Record<string, string>): Promise<Record<string, string[]>> {
  const values = await new JdbcSourceConnector().validate(connectorProps(extra));
  return Object.fromEntries(values.filter((v) => v.errorMessages.length > 0).map((v) => [v.name, v.errorMessages]));
}

describe('JdbcSourceConnector task configs', () => {
  it('spreads the whitelisted tables over tasks like ConnectorUtils.groupPartitions', async () => {
    expect(await taskTables({ 'table.whitelist': 'public.alpha,bravo,charlie,delta,echo' }, 2)).toEqual([
      '"public"."alpha","public"."bravo","public"."charlie"',
      '"public"."delta","public"."echo"',
    ]);
  });

  it('creates no more tasks than tables', async () => {
    expect(await taskTables({ 'table.whitelist': 'public.alpha, "public"."bravo"' }, 5)).toEqual(['"public"."alpha"', '"public"."bravo"']);
  });

  it('writes the full connector config and tables.fetched into every task config', async () => {
    const connector = new JdbcSourceConnector();
    await connector.start(connectorProps({ 'table.whitelist': 'public.alpha' }));
    expect(await connector.taskConfigs(1)).toEqual([{ ...connectorProps({ 'table.whitelist': 'public.alpha' }), tables: '"public"."alpha"', 'tables.fetched': 'true' }]);
  });

  it('selects tables by regex with table.include.list and table.exclude.list', async () => {
    expect(await taskTables({ 'table.include.list': 'public\\..*', 'table.exclude.list': '.*\\.(bravo|delta)' }, 1)).toEqual(['"public"."alpha","public"."charlie","public"."echo"']);
  });

  it('copies views with table.types=VIEW', async () => {
    expect(await taskTables({ 'table.types': 'VIEW' }, 1)).toEqual(['"public"."v_alpha"']);
  });

  it('narrows the listing with schema.pattern', async () => {
    expect(await taskTables({ 'schema.pattern': 'oth%' }, 1)).toEqual(['"other"."alpha","other"."foxtrot"']);
  });

  it('refuses two tables with the same unqualified name, as Confluent does', async () => {
    await expect(new JdbcSourceConnector().start(connectorProps({ 'table.blacklist': 'v_alpha' }))).rejects.toThrow(/duplicate unqualified table names[\s\S]*"other"."alpha", "public"."alpha"/);
  });

  it('generates one task without tables for a custom query', async () => {
    expect(await taskTables({ query: 'SELECT * FROM alpha' }, 3)).toEqual(['']);
  });
});

describe('JdbcSourceConnector validation', () => {
  it('accepts a valid config', async () => {
    expect(await errorsOf({ 'table.whitelist': 'alpha' })).toEqual({});
  });

  it('rejects an unknown mode with ConfigDef message', async () => {
    expect((await errorsOf({ mode: 'sometimes' })).mode).toEqual(['Invalid value sometimes for configuration mode: String must be one of: , bulk, timestamp, incrementing, timestamp+incrementing']);
  });

  it('reports a missing mode on the mode-dependent keys', async () => {
    const errors = await errorsOf({ mode: '' });
    expect(errors['incrementing.column.name']).toEqual(['Query mode must be specified']);
  });

  it('requires incrementing.column.name for an incrementing custom query', async () => {
    expect((await errorsOf({ mode: 'incrementing', query: 'SELECT * FROM alpha' }))['incrementing.column.name']?.[0]).toMatch(/^'incrementing.column.name' must be provided when using mode 'incrementing' or 'timestamp\+incrementing' with a custom query/);
  });

  it('refuses a query together with table filters', async () => {
    const errors = await errorsOf({ query: 'SELECT * FROM alpha', 'table.whitelist': 'alpha' });
    expect([errors.query, errors['table.whitelist']]).toEqual([[expect.stringMatching(/^Do not specify table filtering configs with 'query'/)], [expect.stringMatching(/^Do not specify table filtering configs/)]]);
  });

  it('refuses a query that is not a SELECT', async () => {
    expect((await errorsOf({ query: 'DELETE FROM alpha' })).query).toEqual(["Only SELECT statements are supported for 'query'. Please provide a statement that starts with SELECT."]);
  });

  it('reports a query the database rejects, with its SQLState', async () => {
    expect((await errorsOf({ query: 'SELECT nope FROM alpha' })).query?.[0]).toMatch(/^The configured query is not valid .* \(SQLState: 42703\)$/);
  });

  it('refuses table.exclude.list without table.include.list', async () => {
    expect((await errorsOf({ 'table.exclude.list': 'x' }))['table.exclude.list']).toEqual(['table.exclude.list cannot be used without table.include.list. Exclude list only applies to tables that match the include list.']);
  });

  it('refuses table.whitelist together with table.blacklist', async () => {
    expect((await errorsOf({ 'table.whitelist': 'a', 'table.blacklist': 'b' }))['table.whitelist']).toEqual(['table.whitelist and table.blacklist are exclusive.']);
  });

  it('rejects a topic.prefix with characters Kafka topics cannot have', async () => {
    expect((await errorsOf({ 'topic.prefix': 'a b' }))['topic.prefix']).toEqual(["Invalid value a b for configuration topic.prefix: Topic prefix must not contain any character other than ASCII alphanumerics, '.', '_' and '-'."]);
  });

  it('rejects a URL for another database', async () => {
    expect((await errorsOf({ 'connection.url': 'jdbc:mysql://localhost/db' }))['connection.url']?.[0]).toMatch(/supports PostgreSQL only/);
  });

  it('reports an unreachable database on connection.url', async () => {
    expect((await errorsOf({ 'connection.url': 'jdbc:postgresql://127.0.0.1:1/db?user=x' }))['connection.url']?.[0]).toMatch(/^Could not connect to database\. .*ECONNREFUSED/);
  });
});

describe('JDBC source task failures', () => {
  const taskProps = (extra: Record<string, string>): Record<string, string> => ({ 'connection.url': db.jdbcUrl, 'poll.interval.ms': '10', 'tables.fetched': 'true', tables: '"public"."alpha"', ...extra });

  it('raises a RetriableError when the database refuses connections', async () => {
    const run = startTask(taskProps({ 'connection.url': 'jdbc:postgresql://127.0.0.1:1/db?user=x', mode: 'bulk' }));
    await expect(run.task.poll()).rejects.toBeInstanceOf(RetriableError);
  });

  it('fails with Confluent message when the incrementing column does not exist', async () => {
    const run = startTask(taskProps({ mode: 'incrementing', 'incrementing.column.name': 'nope' }));
    await expect(run.task.poll()).rejects.toThrow(new InvalidConfigError(`Incrementing column: nope does not exist in table '"public"."alpha"'`));
  });

  it('fails when the incrementing column is nullable, unless validate.non.null=false', async () => {
    await expect(startTask(taskProps({ mode: 'incrementing', 'incrementing.column.name': 'n' })).task.poll()).rejects.toThrow(
      'Cannot make incremental queries using incrementing column n on "public"."alpha" because this column is nullable.',
    );
    await expect(startTask(taskProps({ mode: 'incrementing', 'incrementing.column.name': 'n', 'validate.non.null': 'false' })).task.poll()).resolves.toBeNull();
  });

  it('fails non-retriably when a custom query names a missing column', async () => {
    const run = startTask(taskProps({ mode: 'bulk', tables: '', query: 'SELECT nope FROM alpha' }));
    const error = await run.task.poll().catch((e: unknown) => e);
    expect([error instanceof InvalidConfigError, (error as Error).message]).toEqual([true, expect.stringMatching(/column "nope" does not exist \(SQLState: 42703\)/)]);
  });

  it('fails to start a table-mode task that was given no table', () => {
    expect(() => startTask(taskProps({ mode: 'bulk', tables: '' }))).toThrow(/^Task is being killed because it was not assigned a table nor a query to execute/);
  });
});
