/**
 * One execution of a querier's query, read in batches: a transaction on a pooled connection holding
 * a server-side cursor (Confluent keeps a JDBC ResultSet open across polls the same way), so
 * `batch.max.rows` bounds every fetch and the query runs once per poll interval. The transaction
 * is committed when the rows are exhausted and rolled back when the session is abandoned.
 */
import type pg from 'pg';
import type { TransactionIsolationMode } from '../config/config-keys';
import { RAW_TEXT_TYPES } from '../connection/pg-pool';

const CURSOR = 'lambda_connect_source';
const ISOLATION: Readonly<Record<TransactionIsolationMode, string | null>> = {
  DEFAULT: null,
  READ_UNCOMMITTED: 'READ UNCOMMITTED',
  READ_COMMITTED: 'READ COMMITTED',
  REPEATABLE_READ: 'REPEATABLE READ',
  SERIALIZABLE: 'SERIALIZABLE',
  SQL_SERVER_SNAPSHOT: null,
};

export class QuerySession {
  #rows: unknown[][] = [];
  #index = 0;
  #done = false;
  #fields: pg.FieldDef[] | null = null;

  private constructor(
    readonly client: pg.PoolClient,
    readonly fetchSize: number,
  ) {}

  /** Begins the transaction on a pooled connection; queries before `declare` (e.g. the database clock) run inside it. */
  static async begin(pool: pg.Pool, isolation: TransactionIsolationMode, fetchSize: number): Promise<QuerySession> {
    const client = await pool.connect();
    const level = ISOLATION[isolation];
    try {
      await client.query(level === null ? 'BEGIN' : `BEGIN ISOLATION LEVEL ${level}`);
    } catch (err) {
      client.release(asError(err));
      throw err;
    }
    return new QuerySession(client, Math.max(1, fetchSize));
  }

  async declare(sql: string, params: readonly unknown[]): Promise<void> {
    await this.client.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`, values: [...params] });
  }

  /** The result columns, known after the first fetch. */
  async fields(): Promise<pg.FieldDef[]> {
    if (this.#fields === null) await this.#fetch();
    return this.#fields ?? [];
  }

  /** The next row (raw text values), or null when the query has no more rows. */
  async next(): Promise<unknown[] | null> {
    if (this.#index >= this.#rows.length) {
      if (this.#done) return null;
      await this.#fetch();
      if (this.#index >= this.#rows.length) return null;
    }
    return this.#rows[this.#index++] ?? null;
  }

  /** Whether every row has been returned by `next()`. */
  get exhausted(): boolean {
    return this.#done && this.#index >= this.#rows.length;
  }

  /** Commits (after the last row) and returns the connection. */
  async finish(): Promise<void> {
    try {
      await this.client.query(`CLOSE ${CURSOR}`);
      await this.client.query('COMMIT');
      this.client.release();
    } catch (err) {
      this.client.release(asError(err));
      throw err;
    }
  }

  /** Rolls back and returns the connection, discarding it if it failed. Never throws. */
  async abandon(cause?: unknown): Promise<void> {
    if (cause !== undefined) {
      this.client.release(asError(cause));
      return;
    }
    try {
      await this.client.query('ROLLBACK');
      this.client.release();
    } catch (err) {
      this.client.release(asError(err));
    }
  }

  async #fetch(): Promise<void> {
    const result = await this.client.query({ text: `FETCH FORWARD ${this.fetchSize} FROM ${CURSOR}`, rowMode: 'array', types: RAW_TEXT_TYPES });
    this.#fields ??= result.fields;
    this.#rows = result.rows as unknown[][];
    this.#index = 0;
    if (this.#rows.length < this.fetchSize) this.#done = true;
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
