/**
 * Source → Kafka → sink in standalone mode, through the CLI: FileStreamSource → topic →
 * FileStreamSink gives a byte-identical file; a JDBC source table → topic → JDBC sink table gives
 * identical rows. Both connectors of a pipeline run in one standalone process (source windows from
 * the scheduler, sink batches from the ESM emulator).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedKafka, type EmbeddedKafka } from '#lib/standalone/embedded-kafka';
import { usePostgres } from '#test/support/postgres';
import { eventually } from './sink-stack';

const BIN = join(import.meta.dirname, '../../../bin/lambda-connect.js');
const pg = usePostgres();
let dir: string;
let kafka: EmbeddedKafka;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standalone-pipelines-'));
  kafka = await startEmbeddedKafka();
});
afterAll(async () => {
  await kafka?.stop();
  await rm(dir, { recursive: true, force: true });
});

function startCli(args: string[]): Promise<ChildProcess> {
  const env = { ...process.env, KAFKA_BROKERS: kafka.bootstrapServers.join(','), LAMBDA_CONNECT_DISPATCH_INTERVAL_MS: '500', LOG_LEVEL: 'WARN' };
  const child = spawn(process.execPath, [BIN, 'standalone', '--port', '0', '--data-dir', join(dir, `data-${Math.random().toString(36).slice(2)}`), ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/listening on http:\/\/\S+/.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  return exited;
}

describe('standalone source → Kafka → sink pipelines', () => {
  it('copies a file through a topic into a byte-identical file, lines in order', async () => {
    const input = join(dir, 'input.txt');
    const output = join(dir, 'output.txt');
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}: ${'x'.repeat(i % 17)}`);
    await writeFile(input, `${lines.join('\n')}\n`);
    // Order holds per partition only. The mock cluster creates every topic with 4 partitions and
    // does not implement CreateTopics, so topic.creation.default.partitions=1 cannot take effect;
    // FileStreamSource's records have no key, so the producer would spread them. HoistField$Key
    // turns every null key into the same {"line": null}: all lines hash to one partition.
    await writeFile(join(dir, 'source.properties'), [
      'name=file-source', 'connector.class=FileStreamSource', `file=${input}`, 'topic=file-pipe',
      'transforms=onePartition', 'transforms.onePartition.type=org.apache.kafka.connect.transforms.HoistField$Key', 'transforms.onePartition.field=line', '',
    ].join('\n'));
    await writeFile(join(dir, 'sink.properties'), `name=file-sink\nconnector.class=FileStreamSink\nfile=${output}\ntopics=file-pipe\n`);
    const cli = await startCli([join(dir, 'source.properties'), join(dir, 'sink.properties')]);
    try {
      await eventually(() => readFile(output, 'utf8').catch(() => ''), (text) => text.split('\n').length > lines.length, 90_000);
    } finally {
      expect(await stop(cli)).toBe(0);
    }
    expect(await readFile(output)).toEqual(await readFile(input));
  }, 150_000);

  it('copies a table through a topic into an identical table', async () => {
    await pg.pool.query('CREATE TABLE source_rows (id INT PRIMARY KEY, name TEXT NOT NULL, amount NUMERIC(10,2), created TIMESTAMP NOT NULL)');
    await pg.pool.query(`INSERT INTO source_rows SELECT i, 'name ' || i, i * 1.25, TIMESTAMP '2024-01-01' + i * INTERVAL '1 minute' FROM generate_series(1, 50) AS i`);
    const jdbc = pg.jdbcUrl;
    await writeFile(join(dir, 'jdbc-source.properties'), [
      'name=jdbc-source', 'connector.class=io.confluent.connect.jdbc.JdbcSourceConnector', `connection.url=${jdbc}`,
      'mode=incrementing', 'incrementing.column.name=id', 'table.whitelist=source_rows', 'topic.prefix=pipe_', 'poll.interval.ms=200', '',
    ].join('\n'));
    await writeFile(join(dir, 'jdbc-sink.properties'), [
      'name=jdbc-sink', 'connector.class=io.confluent.connect.jdbc.JdbcSinkConnector', `connection.url=${jdbc}`,
      'topics=pipe_source_rows', 'table.name.format=copied_rows', 'insert.mode=upsert', 'pk.mode=record_value', 'pk.fields=id', 'auto.create=true', '',
    ].join('\n'));
    const cli = await startCli([join(dir, 'jdbc-source.properties'), join(dir, 'jdbc-sink.properties')]);
    const query = (table: string) => pg.pool.query(`SELECT id, name, amount::text AS amount, created FROM ${table} ORDER BY id`).then((r) => r.rows, () => []);
    try {
      await eventually(() => query('copied_rows'), (r) => r.length === 50, 90_000);
    } finally {
      expect(await stop(cli)).toBe(0);
    }
    expect(await query('copied_rows')).toEqual(await query('source_rows'));
  }, 150_000);
});
