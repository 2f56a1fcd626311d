/**
 * The JDBC sink against PostgreSQL: rows/s of JdbcSinkTask.put in upsert mode vs raw `pg` sending
 * the same rows as the same multi-row upserts (parameters built up front, 3000 rows per statement,
 * one transaction per batch), into twin tables of one database, measured in turns in the same
 * run. Rates are per wall-clock second (the database does most of the work, in its own
 * processes) with the CPU rates of this process beside them. `compareJdbcSinkWithRawPg` takes any batch maker, so a sink
 * pipeline section (MSK event → converter → SMTs → SinkRecords) can put its batches in place of
 * the ready-made records of `jdbcSinkBench`.
 */
import pg from 'pg';
import { jdbcSinkDescriptor } from '#lib/connectors/jdbc/sink/jdbc-sink-connector';
import { BigDecimal } from '#lib/data/big-decimal';
import { ConnectHeaders } from '#lib/data/connect-headers';
import { ConnectDecimal } from '#lib/data/connect-decimal';
import type { SinkRecord } from '#lib/data/connect-record';
import { ConnectTimestamp } from '#lib/data/connect-temporal';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';
import type { SinkTask, SinkTaskContext } from '#lib/plugin/sink-task';
import { createTestDatabase, type PostgresTestDatabase } from '#test/support/postgres';
import type { BenchModule, BenchOptions, BenchRow } from './bench-module';
import type { Rate } from './measure';

const SECTION = 'jdbc-sink';
const RECORDS = 10_000;
/** The sink's default batch.size, used for the raw statements too. */
const ROWS_PER_STATEMENT = 3000;

export interface JdbcSinkComparison {
  readonly section: string;
  /** Names the sink case, e.g. `MSK events → JsonConverter → SMTs → JDBC upsert`. */
  readonly label: string;
  readonly seconds: number;
  /** One put's records (Struct values with an INT64 `id`); called once more for the raw rows. */
  readonly makeBatch: () => Promise<readonly SinkRecord[]> | readonly SinkRecord[];
  /** Sink config on top of upsert, pk.mode=record_value, pk.fields=id, auto.create. */
  readonly sinkProps?: Readonly<Record<string, string>>;
  /** Puts slices of at most this many records, one after the other (default: one put of the batch). */
  readonly putSlice?: number;
  /** Runs one batch into the task its own way (e.g. as the sink runtime does), instead of makeBatch + put. */
  readonly deliver?: (task: SinkTask) => Promise<void>;
  /** Whether the row is one the 0.8 target is about (default), rather than context for one that is. */
  readonly targeted?: boolean;
}

/** Two rows, "raw pg multi-row upsert, same rows" and `label`, the second noting the ratio (and the target ≥ 0.8, when targeted). */
export async function compareJdbcSinkWithRawPg({ section, label, seconds, makeBatch, sinkProps = {}, putSlice, deliver, targeted = true }: JdbcSinkComparison): Promise<BenchRow[]> {
  let db: PostgresTestDatabase;
  try {
    db = await createTestDatabase();
  } catch (err) {
    return [{ section, case: label, recordsPerSecond: null, note: `no PostgreSQL: ${(err as Error).message.split('\n')[0]}` }];
  }
  const task = jdbcSinkDescriptor.createTask();
  const raw = new pg.Client({ connectionString: db.url });
  try {
    const records = [...(await makeBatch())];
    task.initialize(benchContext());
    await task.start({ name: 'bench', 'connection.url': db.jdbcUrl, 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'id', 'auto.create': 'true', 'table.name.format': 'bench_sink', ...sinkProps });
    await task.put(records);
    await raw.connect();
    await raw.query('CREATE TABLE bench_raw (LIKE bench_sink INCLUDING ALL)');
    const upsert = rawUpsert(raw, records[0] as SinkRecord, records);
    const put = async (batch: readonly SinkRecord[]): Promise<void> => {
      const size = putSlice ?? batch.length;
      for (let start = 0; start < batch.length; start += size) await task.put(batch.slice(start, start + size));
    };
    const sinkRun = deliver ? () => deliver(task) : async () => put(await makeBatch());
    const [rawRate, sinkRate] = (await measureAlternately(records.length, [upsert.run, sinkRun], seconds)) as [Rate, Rate];
    return [
      { section, case: `raw pg multi-row upsert, same rows (${records.length}/batch)`, recordsPerSecond: rawRate.cpu, wallRecordsPerSecond: rawRate.wall, recordBytes: upsert.rowBytes, note: `PostgreSQL at ${db.host}:${db.port}` },
      { section, case: label, recordsPerSecond: sinkRate.cpu, wallRecordsPerSecond: sinkRate.wall, recordBytes: upsert.rowBytes, note: ratioNote(sinkRate, rawRate, targeted) },
    ];
  } finally {
    await task.stop();
    await raw.end().catch(() => undefined);
    await db.cleanup();
  }
}

/**
 * Rates of several batch operations measured in turns (one batch of each per round, for `seconds`
 * in all), so that background work — autovacuum of the tables just written, other processes on
 * the same cores — slows each of them alike. CPU is this process's, per batch.
 */
async function measureAlternately(batchSize: number, runs: ReadonlyArray<() => Promise<unknown>>, seconds: number): Promise<Rate[]> {
  for (const run of runs) await run();
  const wallMs = runs.map(() => 0);
  const cpuMicros = runs.map(() => 0);
  let rounds = 0;
  const deadline = performance.now() + seconds * 1000 * runs.length;
  while (performance.now() < deadline || rounds === 0) {
    for (const [i, run] of runs.entries()) {
      const [start, cpu] = [performance.now(), process.cpuUsage()];
      await run();
      const used = process.cpuUsage(cpu);
      wallMs[i] = (wallMs[i] as number) + performance.now() - start;
      cpuMicros[i] = (cpuMicros[i] as number) + used.user + used.system;
    }
    rounds++;
  }
  return runs.map((_, i) => ({ cpu: (rounds * batchSize) / ((cpuMicros[i] as number) / 1e6), wall: (rounds * batchSize) / ((wallMs[i] as number) / 1000) }));
}

function ratioNote(sink: Rate, raw: Rate, targeted: boolean): string {
  return `ratio ${(sink.wall / raw.wall).toFixed(2)} wall, ${(sink.cpu / raw.cpu).toFixed(2)} cpu vs raw pg (${targeted ? 'target ≥ 0.8' : 'context for the runtime row'})`;
}

/** The records' rows as pre-built parameters, and a batch of upserts of them into bench_raw. */
function rawUpsert(client: pg.Client, first: SinkRecord, records: readonly SinkRecord[]): { run: () => Promise<void>; rowBytes: number } {
  const fields = (first.valueSchema as Schema).fields;
  const columns = fields.map((f) => `"${f.name}"`);
  const rows = records.map((r) => fields.map((f) => param((r.value as Struct).get(f))));
  const rowsPerStatement = Math.min(ROWS_PER_STATEMENT, Math.floor(65535 / columns.length));
  const statement = (count: number): string => {
    const values = Array.from({ length: count }, (_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(',')})`).join(',');
    const updates = columns.filter((c) => c !== '"id"').map((c) => `${c}=EXCLUDED.${c}`).join(',');
    return `INSERT INTO bench_raw (${columns.join(',')}) VALUES ${values} ON CONFLICT ("id") DO UPDATE SET ${updates}`;
  };
  const chunks: Array<{ text: string; values: (string | null)[] }> = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    chunks.push({ text: statement(chunk.length), values: chunk.flat() });
  }
  const rowBytes = Math.round(rows.reduce((n, row) => n + row.reduce((m, v) => m + (v?.length ?? 0), 0), 0) / rows.length);
  return {
    rowBytes,
    async run() {
      await client.query('BEGIN');
      for (const chunk of chunks) await client.query(chunk);
      await client.query('COMMIT');
    },
  };
}

function param(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof BigDecimal) return value.toString();
  return String(value);
}

const ROW_SCHEMA = SchemaBuilder.struct().name('com.example.OrderRow')
  .field('id', Schema.INT64_SCHEMA).field('customer', Schema.STRING_SCHEMA).field('email', Schema.OPTIONAL_STRING_SCHEMA)
  .field('amount', ConnectDecimal.schema(2)).field('quantity', Schema.INT32_SCHEMA).field('active', Schema.BOOLEAN_SCHEMA)
  .field('created', ConnectTimestamp.SCHEMA).field('updated', Schema.INT64_SCHEMA).field('score', Schema.FLOAT64_SCHEMA)
  .field('note', Schema.OPTIONAL_STRING_SCHEMA).field('description', Schema.STRING_SCHEMA).build();

const DESCRIPTION = 'A fairly long free-text description of the order, repeated to make the row about one kilobyte. '.repeat(8);

/** `count` flat ~1 KB order rows as consumed sink records (what a converter hands the task). */
export function orderRows(count = RECORDS): SinkRecord[] {
  const headers = new ConnectHeaders();
  return Array.from({ length: count }, (_, i) => {
    const value = new Struct(ROW_SCHEMA).put('id', BigInt(1_000_000 + i)).put('customer', `Customer number ${i} of the benchmark`)
      .put('email', `customer${i}@example.com`).put('amount', new BigDecimal(123456n + BigInt(i), 2)).put('quantity', i % 100)
      .put('active', i % 2 === 0).put('created', new Date(1_700_000_000_000 + i)).put('updated', 1_700_000_100_000n + BigInt(i))
      .put('score', 0.1 * i).put('note', 'Please leave the parcel at the back door, next to the blue bin; ring twice.').put('description', DESCRIPTION);
    const offset = BigInt(i);
    return { topic: 'orders', kafkaPartition: 0, keySchema: null, key: null, valueSchema: ROW_SCHEMA, value, timestamp: 1_700_000_000_000 + i, headers, kafkaOffset: offset, timestampType: 'CREATE_TIME', originalTopic: 'orders', originalKafkaPartition: 0, originalKafkaOffset: offset };
  });
}

function benchContext(): SinkTaskContext {
  return { configs: () => ({}), errantRecordReporter: () => null, timeout: () => undefined, offset: () => undefined, assignment: () => [], pause: () => undefined, resume: () => undefined, requestCommit: () => undefined };
}

export const jdbcSinkBench: BenchModule = {
  name: 'jdbc-sink',
  cases: [
    {
      name: 'jdbc-sink raw pg vs JdbcSinkTask.put upsert',
      async run({ seconds }: BenchOptions): Promise<BenchRow[]> {
        const records = orderRows();
        return compareJdbcSinkWithRawPg({ section: SECTION, label: `JdbcSinkTask.put upsert, ready SinkRecords (${records.length}/put)`, seconds, makeBatch: () => records });
      },
    },
  ],
};
