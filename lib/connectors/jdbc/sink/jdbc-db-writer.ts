/**
 * Confluent's JdbcDbWriter: one `write` is one transaction on the task's connection — records are
 * buffered per destination table (`table.name.format` with `${topic}`, in the connection's current
 * schema unless the format names one), flushed as multi-row statements, and committed together,
 * so a failed write leaves nothing behind (DDL included). `writeEach` writes record by record in
 * one transaction, each under a savepoint, handing the records the database refuses to `onFailure`
 * (the errant record reporter). Errors come out as sink errors (sink-errors.ts); after any failure
 * the cached table definitions are dropped and a broken connection is discarded.
 */
import type pg from 'pg';
import type { SinkRecord } from '#lib/data/connect-record';
import { InvalidConfigError, type ConnectError } from '#lib/errors';
import { createJdbcPool, type JdbcPool } from '../connection/pg-pool';
import { parseTableIdentifier, TableId } from '../tables/table-id';
import { BufferedRecords, type WriteContext } from './buffered-records';
import type { JdbcSinkConfig } from './jdbc-sink-config';
import { createRecordValidator } from './record-validator';
import { SqlWriteError, sinkWriteError, TableAlterOrCreateError } from './sink-errors';
import { TableDefinitions } from './table-definitions';

export type OnRecordFailure = (record: SinkRecord, error: ConnectError) => Promise<void>;

export class JdbcDbWriter {
  readonly #config: JdbcSinkConfig;
  readonly #jdbc: JdbcPool;
  readonly #definitions: TableDefinitions;
  readonly #context: Omit<WriteContext, 'client'>;
  readonly #tables = new Map<string, TableId>();
  #schema: string | null = null;

  constructor(config: JdbcSinkConfig) {
    this.#config = config;
    this.#jdbc = createJdbcPool(config, 1, 'sink');
    this.#definitions = new TableDefinitions(config.tableTypes, config.quote);
    this.#context = {
      config,
      definitions: this.#definitions,
      validator: createRecordValidator(config),
      fields: config,
      binding: config,
      structure: config,
    };
  }

  /** host:port/database, for messages. */
  get target(): string {
    return this.#jdbc.target;
  }

  async write(records: readonly SinkRecord[]): Promise<void> {
    await this.#inTransaction((client) => this.#writeAll(client, records));
  }

  async writeEach(records: readonly SinkRecord[], onFailure: OnRecordFailure): Promise<void> {
    await this.#inTransaction(async (client) => {
      for (const record of records) {
        await client.query('SAVEPOINT lc_record');
        try {
          await this.#writeAll(client, [record]);
        } catch (err) {
          const error = sinkWriteError(err, 'Failed to write');
          if (!isRecordFailure(error)) throw error;
          await client.query('ROLLBACK TO SAVEPOINT lc_record');
          this.#definitions.clear();
          await onFailure(record, error);
          continue;
        }
        await client.query('RELEASE SAVEPOINT lc_record');
      }
    });
  }

  async close(): Promise<void> {
    await this.#jdbc.pool.end().catch(() => undefined);
  }

  async #writeAll(client: pg.ClientBase, records: readonly SinkRecord[]): Promise<void> {
    // By table, not topic: topics may share a table (e.g. a table.name.format without ${topic}).
    const buffers = new Map<string, BufferedRecords>();
    const context: WriteContext = { ...this.#context, client };
    for (const record of records) {
      const table = this.#tables.get(record.topic) ?? (await this.#destinationTable(client, record.topic));
      const key = tableKey(table);
      let buffer = buffers.get(key);
      if (buffer === undefined) buffers.set(key, (buffer = new BufferedRecords(table, context)));
      // Most records only join the buffer: no await (and no microtask) for them.
      const pending = buffer.add(record);
      if (pending !== undefined) await pending;
    }
    for (const buffer of buffers.values()) await buffer.flush();
  }

  async #inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.#jdbc.pool.connect();
    } catch (err) {
      throw sinkWriteError(err, `Could not connect to the database ${this.#jdbc.target}`);
    }
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (err) {
      const error = sinkWriteError(err, `Failed to write to the database ${this.#jdbc.target}`);
      this.#definitions.clear();
      const rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
      client.release(rolledBack ? undefined : error);
      throw error;
    }
    client.release();
  }

  /** JdbcDbWriter.destinationTable, cached per topic. */
  async #destinationTable(client: pg.ClientBase, topic: string): Promise<TableId> {
    const cached = this.#tables.get(topic);
    if (cached !== undefined) return cached;
    const format = this.#config.tableNameFormat;
    const name = format.replaceAll('${topic}', topic);
    if (name === '') throw new InvalidConfigError(`Destination table name for topic '${topic}' is empty using the format string '${format}'`);
    let parsed: TableId;
    try {
      parsed = parseTableIdentifier(name, this.#config.quote);
    } catch (err) {
      throw new InvalidConfigError((err as Error).message, { cause: err });
    }
    this.#schema ??= (await client.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows[0]?.schema ?? 'public';
    const table = new TableId(parsed.catalog, parsed.schema ?? this.#schema, parsed.table);
    this.#tables.set(topic, table);
    return table;
  }
}

const tableKeys = new WeakMap<TableId, string>();

function tableKey(table: TableId): string {
  let key = tableKeys.get(table);
  if (key === undefined) tableKeys.set(table, (key = JSON.stringify([table.catalog, table.schema, table.table])));
  return key;
}

/** Failures Confluent routes to the errant record reporter: the database refused the record, or its table. */
export function isRecordFailure(error: ConnectError): boolean {
  return error instanceof SqlWriteError || error instanceof TableAlterOrCreateError;
}
