/**
 * Confluent's JdbcSourceTask for PostgreSQL (the synchronous poll of its 10.x line, adapted to our
 * contract). `start` parses the task config; the first `poll` connects, reads committed offsets
 * and checks the tables (create-queriers.ts). Each poll then serves the querier that is due
 * (least recently updated first): it runs the query once per `poll.interval.ms` and returns up to
 * `batch.max.rows` records of the open query per poll. A poll waits at most about a second for a
 * querier to become due, then returns null, so the runner can stop or pause the task.
 *
 * Errors: an unreachable or restarting database is a RetriableError (the runner polls again; the
 * failed query is rewound to the offset at the start of that poll); after `query.retry.attempts`
 * consecutive failures of one querier (when > 0) the task fails. Configuration errors (unknown
 * table or column, bad SQL, nullable offset columns) fail the task.
 */
import type { SourceRecord } from '#lib/data/connect-record';
import type { ConnectError} from '#lib/errors';
import { InternalError } from '#lib/errors';
import { createLogger } from '#lib/logging/logger';
import { ConfigException } from '#lib/plugin/config-exception';
import type { SourceTask, SourceTaskContext } from '#lib/plugin/source-task';
import { sleep } from '../../abortable-sleep';
import type { Mode } from '../config/config-keys';
import { parseJdbcSourceTaskConfig, type JdbcSourceTaskConfig } from '../config/jdbc-source-config';
import { createJdbcPool, withConnection, type JdbcPool } from '../connection/pg-pool';
import { translatePgError } from '../connection/pg-errors';
import { JDBC_SOURCE_VERSION } from '../jdbc-source-version';
import { compareTableIds, unquotedTableId } from '../tables/table-id';
import type { TableQuerier } from '../query/table-querier';
import { createQueriers } from './create-queriers';

const log = createLogger('io.confluent.connect.jdbc.source.JdbcSourceTask');
/** Longest a poll waits for a querier to become due before returning null. */
const MAX_POLL_WAIT_MS = 1000;
/** Confluent's CONSECUTIVE_EMPTY_RESULTS_BEFORE_RETURN. */
const EMPTY_RESULTS_BEFORE_RETURN = 2;

export const NO_TABLE_MESSAGE =
  'Task is being killed because it was not assigned a table nor a query to execute. If run in table mode please make sure that the tables exist on the database. ' +
  'If the table does exist on the database, we recommend using the fully qualified table name.';

export class JdbcSourceTask implements SourceTask {
  #context: SourceTaskContext | undefined;
  #config: JdbcSourceTaskConfig | undefined;
  #mode: Mode | undefined;
  #jdbc: JdbcPool | undefined;
  #queriers: TableQuerier[] | null = null;
  #inflight: Promise<SourceRecord[] | null> | null = null;
  readonly #stop = new AbortController();

  version(): string {
    return JDBC_SOURCE_VERSION;
  }

  initialize(context: SourceTaskContext): void {
    this.#context = context;
  }

  start(props: Record<string, string>): void {
    let config: JdbcSourceTaskConfig;
    try {
      config = parseJdbcSourceTaskConfig(props);
    } catch (err) {
      throw new ConfigException(`Couldn't start JdbcSourceTask due to configuration error: ${(err as Error).message}`);
    }
    if (config.tables.length === 0 && config.query === null) {
      // Confluent: with tables not fetched yet the task waits and does nothing.
      if (!config.tablesFetched) log.info('Started JDBC source task. Waiting for DB tables to be fetched.');
      else throw new ConfigException(NO_TABLE_MESSAGE);
    }
    if (config.tables.length > 0 && config.query !== null) throw new ConfigException('Invalid configuration: a JdbcSourceTask cannot have both a table and a query assigned to it');
    if (config.mode === '') throw new ConfigException('Query mode must be specified');
    this.#config = config;
    this.#mode = config.mode;
    this.#jdbc = createJdbcPool(config);
    log.info(`Started JDBC source task for ${this.#jdbc.target}`);
  }

  async poll(): Promise<SourceRecord[] | null> {
    const config = this.#config;
    if (!config || this.#stop.signal.aborted) return null;
    const polling = this.#poll(config);
    this.#inflight = polling;
    try {
      return await polling;
    } catch (err) {
      // stop() arrived while polling and closed what we were using: not a failure.
      if (this.#stop.signal.aborted) return null;
      throw err;
    } finally {
      this.#inflight = null;
    }
  }

  /** Waits for a pending poll, rolls back open queries and closes the pool. */
  async stop(): Promise<void> {
    if (this.#stop.signal.aborted) return;
    this.#stop.abort();
    await this.#inflight?.catch(() => undefined);
    const queriers = this.#queriers ?? [];
    this.#queriers = [];
    for (const querier of queriers) await querier.reset(Date.now(), true).catch(() => undefined);
    await this.#jdbc?.pool.end().catch((err: unknown) => log.warn('Error while closing the connections', { error: err }));
  }

  async #poll(config: JdbcSourceTaskConfig): Promise<SourceRecord[] | null> {
    if (config.tables.length === 0 && config.query === null) {
      await sleep(MAX_POLL_WAIT_MS, this.#stop.signal);
      return null;
    }
    const queriers = this.#queriers ?? (await this.#createQueriers(config));
    const deadline = Date.now() + MAX_POLL_WAIT_MS;
    const emptyResults = new Map<TableQuerier, number>(queriers.map((q) => [q, 0]));
    while (!this.#stop.signal.aborted) {
      const querier = nextQuerier(queriers);
      const wait = querier.querying() ? 0 : querier.lastUpdate + config.pollIntervalMs - Date.now();
      if (wait > 0) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) return null;
        await sleep(Math.min(wait, remaining), this.#stop.signal);
        continue;
      }
      const records = await this.#pollQuerier(querier, config);
      if (records.length > 0) return records;
      emptyResults.set(querier, (emptyResults.get(querier) ?? 0) + 1);
      if (Math.min(...emptyResults.values()) >= EMPTY_RESULTS_BEFORE_RETURN) return null;
    }
    return null;
  }

  async #createQueriers(config: JdbcSourceTaskConfig): Promise<TableQuerier[]> {
    const jdbc = this.#jdbc as JdbcPool;
    const reader = (this.#context as SourceTaskContext).offsetStorageReader;
    try {
      this.#queriers = await withConnection(jdbc, (client) => createQueriers(config, this.#mode as Mode, client, reader));
    } catch (err) {
      throw translatePgError(err, `Failed to set up the JDBC source task on ${jdbc.target}`);
    }
    return this.#queriers;
  }

  async #pollQuerier(querier: TableQuerier, config: JdbcSourceTaskConfig): Promise<SourceRecord[]> {
    const pool = (this.#jdbc as JdbcPool).pool;
    try {
      await querier.maybeStartQuery(pool);
      const records = await querier.extractRecords(config.batchMaxRows);
      if (querier.exhausted) await querier.reset(Date.now(), false);
      querier.attemptedRetries = 0;
      return records;
    } catch (err) {
      await querier.reset(Date.now(), true, err).catch(() => undefined);
      const error = translatePgError(err, `Failed to query ${describe(querier)}`);
      log.error(error.message, { error: err });
      throw this.#afterRetries(querier, error, config);
    }
  }

  /** query.retry.attempts: a retriable failure becomes fatal after that many in a row (when > 0). */
  #afterRetries(querier: TableQuerier, error: ConnectError, config: JdbcSourceTaskConfig): ConnectError {
    if (!error.retriable) return error;
    querier.attemptedRetries++;
    if (config.queryRetryAttempts > 0 && querier.attemptedRetries >= config.queryRetryAttempts) {
      return new InternalError(`Failed to query table after retries: ${error.message}`, { cause: error });
    }
    return error;
  }
}

/** The head of Confluent's priority queue: least recently updated, then by table. */
function nextQuerier(queriers: readonly TableQuerier[]): TableQuerier {
  let head = queriers[0] as TableQuerier;
  for (const querier of queriers) {
    if (querier.lastUpdate < head.lastUpdate) head = querier;
    else if (querier.lastUpdate === head.lastUpdate && querier.spec.table && head.spec.table && compareTableIds(querier.spec.table, head.spec.table) < 0) head = querier;
  }
  return head;
}

function describe(querier: TableQuerier): string {
  return querier.spec.table ? `table ${unquotedTableId(querier.spec.table)}` : 'the custom query';
}
