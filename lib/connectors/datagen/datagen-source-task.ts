/**
 * The data generator's task. Task i of n generates ids i, i+n, i+2n, … (below `max.records` when
 * set); its source partition is `{"task": i}` and the offset after its k-th record `{"position": k}`,
 * so a restart resumes with exactly the next record. A poll returns up to `batch.size` records, as
 * many as the rate limit allows; when done (max.records reached) it idles a second and returns null.
 */
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { SourceRecord } from '#lib/data/connect-record';
import { InternalError } from '#lib/errors';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import type { SourceTask, SourceTaskContext } from '#lib/plugin/source-task';
import { sleep } from '../abortable-sleep';
import { offsetLong } from '../offset-values';
import * as c from './datagen-config';
import { RECORD_SCHEMA, RecordFactory } from './datagen-records';
import { RateLimiter } from './rate-limiter';

const IDLE_WAIT_MS = 1000;

export class DataGenSourceTask implements SourceTask {
  #context: SourceTaskContext | undefined;
  #topic = '';
  #batchSize = 1000;
  #taskId = 0;
  #taskCount = 1;
  /** How many records this task generates in all (Infinity when unbounded). */
  #limit = Infinity;
  #factory: RecordFactory | undefined;
  #limiter: RateLimiter | null = null;
  #position: number | null = null;
  #partition: Record<string, unknown> = {};
  /** One empty header set for every record: the pipeline duplicates headers before changing them. */
  readonly #headers = new ConnectHeaders();
  readonly #stop = new AbortController();

  version(): string {
    return c.DATAGEN_VERSION;
  }

  initialize(context: SourceTaskContext): void {
    this.#context = context;
  }

  start(props: Record<string, string>): void {
    const config = new AbstractConfig(c.dataGenConfigDef(), props);
    this.#topic = config.getString(c.TOPIC_CONFIG) ?? '';
    this.#batchSize = config.getNumber(c.BATCH_SIZE_CONFIG) ?? 1000;
    this.#taskId = config.getNumber(c.TASK_ID_CONFIG) ?? 0;
    this.#taskCount = config.getNumber(c.TASK_COUNT_CONFIG) ?? 1;
    const max = config.getLong(c.MAX_RECORDS_CONFIG) ?? -1n;
    this.#limit = max < 0n ? Infinity : Math.max(0, Math.ceil((Number(max) - this.#taskId) / this.#taskCount));
    this.#factory = new RecordFactory(config.getLong(c.SEED_CONFIG) ?? 0n, config.getNumber(c.RECORD_SIZE_CONFIG) ?? 1024);
    const rate = config.getNumber(c.RATE_CONFIG) ?? 0;
    this.#limiter = rate > 0 ? new RateLimiter(rate / this.#taskCount) : null;
    this.#partition = { [c.TASK_FIELD]: this.#taskId };
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.#stop.signal.aborted) return null;
    const position = this.#position ?? (await this.#committedPosition());
    let count = Math.min(this.#batchSize, this.#limit - position);
    if (count <= 0) {
      await sleep(IDLE_WAIT_MS, this.#stop.signal);
      return null;
    }
    if (this.#limiter) count = await this.#limiter.take(count, IDLE_WAIT_MS, this.#stop.signal);
    if (count === 0 || this.#stop.signal.aborted) return null;
    const factory = this.#factory as RecordFactory;
    const records = new Array<SourceRecord>(count);
    for (let i = 0; i < count; i++) {
      const k = position + i;
      records[i] = {
        sourcePartition: this.#partition,
        sourceOffset: { [c.POSITION_FIELD]: k + 1 },
        topic: this.#topic,
        kafkaPartition: null,
        keySchema: null,
        key: null,
        valueSchema: RECORD_SCHEMA,
        value: factory.create(this.#taskId + k * this.#taskCount),
        timestamp: null,
        headers: this.#headers,
      };
    }
    this.#position = position + count;
    return records;
  }

  stop(): void {
    this.#stop.abort();
  }

  async #committedPosition(): Promise<number> {
    const offset = await this.#context?.offsetStorageReader.offset(this.#partition);
    const stored = offset?.[c.POSITION_FIELD];
    if (stored === undefined || stored === null) return (this.#position = 0);
    const position = offsetLong(stored);
    if (position === undefined || position < 0n) throw new InternalError(`The data generator's offset position must be a non-negative Long, not ${String(stored)}`);
    return (this.#position = Number(position));
  }
}
