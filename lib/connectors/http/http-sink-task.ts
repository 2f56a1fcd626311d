/**
 * The HTTP sink task. Lifecycle: `start` parses the config; each `put` sends its records and
 * returns once every batch was answered, so `flush` has nothing to do and the default preCommit
 * commits what was put; `stop` has nothing to release (fetch pools its connections).
 *
 * A put groups its records by URL (per topic when http.api.url contains `${topic}`), in order,
 * into batches of at most batch.max.size, one request each (json-batch.ts). Then per batch:
 * - delivered (2xx): next batch;
 * - rejected (4xx other than 408/429, 3xx): every record of the batch goes to the errant record
 *   reporter and the put continues, or without one the put fails with a non-retriable error
 *   naming the records and the response;
 * - failing (5xx, 408, 429, network error, timeout): retried up to max.retries times with backoff
 *   (retry-backoff.ts); then the put fails with a RetriableError (after `context.timeout`) so the
 *   runner puts the same records again, and that put skips the batches already delivered.
 * Records with a null value follow behavior.on.null.values; a value JsonConverter cannot write
 * is a failed record too. Delivery is at-least-once: a batch may be sent again after a timeout.
 */
import type { SinkRecord } from '#lib/data/connect-record';
import { DataError, RetriableError } from '#lib/errors';
import { createLogger } from '#lib/logging/logger';
import type { ErrantRecordReporter, SinkTask, SinkTaskContext } from '#lib/plugin/sink-task';
import { sleep } from '../abortable-sleep';
import { parseHttpSinkConfig, type HttpSinkConfig } from './http-sink-config';
import { BEHAVIOR_ON_NULL_VALUES_CONFIG, HTTP_SINK_VERSION, TOPIC_PLACEHOLDER } from './http-sink-keys';
import { jsonArray, valueJsonWriter, type ValueJson } from './json-batch';
import { describeRecords } from './record-ranges';
import { retryDelayMs } from './retry-backoff';
import { sendRequest, type RequestOutcome } from './send-request';

const log = createLogger('io.lambdaconnect.connect.http.HttpSinkTask');

interface Batch {
  url: string;
  records: SinkRecord[];
  values: Uint8Array[];
}

interface FailedRecord {
  record: SinkRecord;
  error: DataError;
}

export class HttpSinkTask implements SinkTask {
  #context: SinkTaskContext | undefined;
  #config: HttpSinkConfig | undefined;
  #json: ValueJson = valueJsonWriter();
  #reporter: ErrantRecordReporter | null = null;
  /** The batches of the last put that were delivered before it failed with a RetriableError. */
  #resume: { fingerprint: string; delivered: number } | null = null;

  version(): string {
    return HTTP_SINK_VERSION;
  }

  initialize(context: SinkTaskContext): void {
    this.#context = context;
  }

  start(props: Record<string, string>): void {
    this.#config = parseHttpSinkConfig(props);
    this.#json = valueJsonWriter();
    this.#reporter = this.#context?.errantRecordReporter() ?? null;
  }

  async put(records: readonly SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    const config = this.#config as HttpSinkConfig;
    const fingerprint = fingerprintOf(records);
    const resumeFrom = this.#resume?.fingerprint === fingerprint ? this.#resume.delivered : 0;
    this.#resume = null;
    const { batches, failed } = this.#batches(records, config);
    // A resumed put already got past these records.
    if (resumeFrom === 0) for (const { record, error } of failed) await this.#fail([record], error);
    for (let i = resumeFrom; i < batches.length; i++) {
      const batch = batches[i] as Batch;
      const outcome = await this.#deliver(batch, config);
      if (outcome.kind === 'rejected') {
        await this.#fail(batch.records, new DataError(`HTTP ${config.method} ${batch.url} rejected ${describeRecords(batch.records)}: ${outcome.reason}`));
      } else if (outcome.kind === 'retry') {
        this.#resume = { fingerprint, delivered: i };
        this.#context?.timeout(config.retryBackoffMs);
        throw new RetriableError(`HTTP ${config.method} ${batch.url} failed for ${describeRecords(batch.records)} after ${config.maxRetries} retries: ${outcome.reason}`);
      }
    }
  }

  flush(): void {}

  stop(): void {}

  #batches(records: readonly SinkRecord[], config: HttpSinkConfig): { batches: Batch[]; failed: FailedRecord[] } {
    const byUrl = new Map<string, Batch[]>();
    const failed: FailedRecord[] = [];
    for (const record of records) {
      if (record.value === null || record.value === undefined) {
        if (config.nullValues === 'fail') failed.push({ record, error: new DataError(`${describeRecords([record])} has a null value (${BEHAVIOR_ON_NULL_VALUES_CONFIG}=fail)`) });
        else if (config.nullValues === 'log') log.info(`Skipping ${describeRecords([record])}: its value is null`);
        continue;
      }
      let value: Uint8Array;
      try {
        value = this.#json(record);
      } catch (err) {
        failed.push({ record, error: new DataError(`Cannot write ${describeRecords([record])} as JSON: ${(err as Error).message}`, { cause: err }) });
        continue;
      }
      const url = config.url.replaceAll(TOPIC_PLACEHOLDER, record.topic);
      const batches = byUrl.get(url) ?? [];
      if (batches.length === 0) byUrl.set(url, batches);
      let last = batches[batches.length - 1];
      if (last === undefined || last.records.length >= config.batchMaxSize) batches.push((last = { url, records: [], values: [] }));
      last.records.push(record);
      last.values.push(value);
    }
    return { batches: [...byUrl.values()].flat(), failed };
  }

  async #deliver(batch: Batch, config: HttpSinkConfig): Promise<RequestOutcome> {
    const request = { url: batch.url, method: config.method, headers: config.headers, body: jsonArray(batch.values), timeoutMs: config.requestTimeoutMs };
    for (let attempt = 0; ; attempt++) {
      const outcome = await sendRequest(request);
      if (outcome.kind !== 'retry' || attempt >= config.maxRetries) return outcome;
      const delay = retryDelayMs(attempt + 1, config.retryBackoffMs, outcome.retryAfterMs);
      log.warn(`HTTP ${config.method} ${batch.url} failed (${outcome.reason}); retry ${attempt + 1} of ${config.maxRetries} in ${delay} ms`);
      await sleep(delay);
    }
  }

  /** Reports the records, or fails the put when there is no errant record reporter. */
  async #fail(records: readonly SinkRecord[], error: DataError): Promise<void> {
    const reporter = this.#reporter;
    if (reporter === null) throw error;
    log.warn(`Reporting ${records.length} failed records: ${error.message}`);
    for (const record of records) await reporter.report(record, error);
  }
}

/** Identifies a batch the runner puts again after a RetriableError. */
function fingerprintOf(records: readonly SinkRecord[]): string {
  const first = records[0] as SinkRecord;
  const last = records[records.length - 1] as SinkRecord;
  return `${records.length}|${first.topic}|${first.kafkaPartition}|${first.kafkaOffset}|${last.topic}|${last.kafkaPartition}|${last.kafkaOffset}`;
}
