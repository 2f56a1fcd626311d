/**
 * Confluent's JdbcSinkTask for PostgreSQL. Lifecycle: `start` parses the config and opens a pool
 * of one connection (connected lazily); each `put` is one transaction (jdbc-db-writer.ts), so
 * records are durable when `put` returns and `flush` has nothing to do; `stop` closes the pool.
 *
 * Failures of a put:
 * - transient (connection lost, server restarting, deadlock, …): a RetriableError after
 *   `context.timeout(retry.backoff.ms)`, so the runner puts the same records again; after
 *   max.retries consecutive failures of this task instance, a non-retriable error. A fresh task
 *   instance (e.g. the next Lambda invocation) starts counting again: across invocations the
 *   runner's own retry policy bounds the retries.
 * - the database refused the data (constraint, type, value) or the table cannot be created or
 *   evolved: with an errant record reporter, the records are written again one by one and each
 *   refused one is reported while the others are committed; without one, a non-retriable error
 *   with the database's message. Unlike Confluent, these are not retried first: they would fail
 *   the same way.
 * - anything else (a record of the wrong shape, an unsupported type): a non-retriable error.
 */
import type { SinkRecord } from '#lib/data/connect-record';
import { ConnectError, InternalError } from '#lib/errors';
import { createLogger } from '#lib/logging/logger';
import type { ErrantRecordReporter, SinkTask, SinkTaskContext } from '#lib/plugin/sink-task';
import { JDBC_SOURCE_VERSION } from '../jdbc-source-version';
import { JdbcDbWriter, isRecordFailure } from './jdbc-db-writer';
import { parseJdbcSinkConfig, type JdbcSinkConfig } from './jdbc-sink-config';

const log = createLogger('io.confluent.connect.jdbc.sink.JdbcSinkTask');

export class JdbcSinkTask implements SinkTask {
  #context: SinkTaskContext | undefined;
  #config: JdbcSinkConfig | undefined;
  #writer: JdbcDbWriter | undefined;
  #reporter: ErrantRecordReporter | null = null;
  #remainingRetries = 0;

  version(): string {
    return JDBC_SOURCE_VERSION;
  }

  initialize(context: SinkTaskContext): void {
    this.#context = context;
  }

  start(props: Record<string, string>): void {
    log.info('Starting JDBC Sink task');
    this.#config = parseJdbcSinkConfig(props);
    this.#writer = new JdbcDbWriter(this.#config);
    this.#remainingRetries = this.#config.maxRetries;
    this.#reporter = this.#context?.errantRecordReporter() ?? null;
  }

  async put(records: readonly SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    const writer = this.#writer as JdbcDbWriter;
    try {
      try {
        await writer.write(records);
      } catch (err) {
        const reporter = this.#reporter;
        if (reporter === null || !(err instanceof ConnectError) || !isRecordFailure(err)) throw err;
        log.warn(`Write of ${records.length} records failed; writing them one by one and reporting the failing ones: ${err.message}`);
        await writer.writeEach(records, (record, error) => reporter.report(record, error));
      }
    } catch (err) {
      throw this.#retryOrFail(err as ConnectError, records.length);
    }
    this.#remainingRetries = (this.#config as JdbcSinkConfig).maxRetries;
  }

  flush(): void {}

  async stop(): Promise<void> {
    log.info('Stopping task');
    await this.#writer?.close();
  }

  #retryOrFail(error: ConnectError, count: number): ConnectError {
    const config = this.#config as JdbcSinkConfig;
    if (!error.retriable) return error;
    log.warn(`Write of ${count} records failed, remainingRetries=${this.#remainingRetries}`, { error });
    if (this.#remainingRetries > 0) {
      this.#remainingRetries--;
      this.#context?.timeout(config.retryBackoffMs);
      return error;
    }
    return new InternalError(`Failing task after exhausting retries (max.retries=${config.maxRetries}): ${error.message}`, { cause: error });
  }
}
