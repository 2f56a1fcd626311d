/**
 * Kafka's FileStreamSourceTask (3.9): reads lines appended to `file`, resuming at the committed
 * `{position}` of source partition `{filename}`. Each record: topic `topic`, no key, value schema
 * STRING, timestamp = read time. A poll returns at most `batch.size` lines; with nothing new it
 * waits up to a second (cut short by `stop()`) and returns null. A missing file is waited for; a
 * partial last line is held back until its terminator arrives.
 *
 * Differences from Kafka: no standard input (a task runs inside a Lambda invocation, or the
 * standalone process's handler, neither of which has a usable stdin), so `start` fails without
 * `file`; positions are bytes (see line-splitter.ts); lines already read are returned on the next
 * poll even if the file has not grown since.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { SourceRecord } from '#lib/data/connect-record';
import { Schema } from '#lib/data/schemas';
import { InternalError, InvalidConfigError } from '#lib/errors';
import { createLogger } from '#lib/logging/logger';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { SourceTask, SourceTaskContext } from '#lib/plugin/source-task';
import { sleep } from '../abortable-sleep';
import { offsetLong } from '../offset-values';
import { DEFAULT_TASK_BATCH_SIZE, FILE_CONFIG, FILENAME_FIELD, POSITION_FIELD, TASK_BATCH_SIZE_CONFIG, TOPIC_CONFIG } from './file-stream-source-config';
import { LineSplitter } from './line-splitter';

const log = createLogger('org.apache.kafka.connect.file.FileStreamSourceTask');
const READ_CHUNK_BYTES = 64 * 1024;
const IDLE_WAIT_MS = 1000;
export const STDIN_UNSUPPORTED_MESSAGE =
  "FileStreamSourceTask cannot read standard input in lambda-connect (tasks run inside function invocations, which have no stdin); set 'file' to the path of a file to read";

export class FileStreamSourceTask implements SourceTask {
  #context: SourceTaskContext | undefined;
  #filename = '';
  #topic = '';
  #batchSize = DEFAULT_TASK_BATCH_SIZE;
  #file: FileHandle | null = null;
  #lines: LineSplitter | null = null;
  #readPosition = 0;
  readonly #stop = new AbortController();

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }

  initialize(context: SourceTaskContext): void {
    this.#context = context;
  }

  start(props: Record<string, string>): void {
    const filename = props[FILE_CONFIG];
    if (filename === undefined || filename === null || filename === '') throw new InvalidConfigError(STDIN_UNSUPPORTED_MESSAGE);
    this.#filename = filename;
    const topic = props[TOPIC_CONFIG];
    if (topic === undefined || topic === null) throw new InvalidConfigError('FileStreamSourceTask config missing topic setting');
    this.#topic = topic;
    const batchSize = props[TASK_BATCH_SIZE_CONFIG];
    if (batchSize !== undefined) this.#batchSize = parseJavaInt(batchSize);
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.#stop.signal.aborted) return null;
    if (this.#file === null && !(await this.#open())) return null;
    try {
      return await this.#readLines();
    } catch (err) {
      // Kafka: the stream was closed under us, probably by stop(); return null and let the runner stop.
      if (this.#stop.signal.aborted) return null;
      throw new InternalError(`Error while reading ${this.#filename}: ${(err as Error).message}`, { cause: err });
    }
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    const file = this.#file;
    this.#file = null;
    await file?.close().catch((err: unknown) => log.error('Failed to close FileStreamSourceTask stream', { error: err }));
  }

  /** Opens the file and seeks to the committed position; false when it does not exist yet. */
  async #open(): Promise<boolean> {
    let file: FileHandle;
    try {
      file = await open(this.#filename, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new InternalError(`Error while trying to open file ${this.#filename}: ${(err as Error).message}`, { cause: err });
      log.warn(`Couldn't find file ${this.#filename} for FileStreamSourceTask, sleeping to wait for it to be created`);
      await sleep(IDLE_WAIT_MS, this.#stop.signal);
      return false;
    }
    try {
      const position = await this.#committedPosition();
      this.#file = file;
      this.#readPosition = position;
      this.#lines = new LineSplitter(position);
      log.debug(`Opened ${this.#filename} for reading at position ${position}`);
      return true;
    } catch (err) {
      await file.close().catch(() => undefined);
      throw err;
    }
  }

  async #committedPosition(): Promise<number> {
    const offset = await this.#context?.offsetStorageReader.offset({ [FILENAME_FIELD]: this.#filename });
    const last = offset?.[POSITION_FIELD];
    if (last === undefined || last === null) return 0;
    const position = offsetLong(last);
    if (position === undefined) throw new InternalError('Offset position is the incorrect type');
    return Number(position);
  }

  /** Complete lines, first those already buffered, then from new data, up to batch.size. */
  async #readLines(): Promise<SourceRecord[] | null> {
    const file = this.#file as FileHandle;
    const lines = this.#lines as LineSplitter;
    let records: SourceRecord[] | null = null;
    let readAny = false;
    for (;;) {
      let line: string | null;
      while ((line = lines.nextLine()) !== null) {
        (records ??= []).push(this.#record(line, lines.position));
        if (records.length >= this.#batchSize) return records;
      }
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const { bytesRead } = await file.read(chunk, 0, READ_CHUNK_BYTES, this.#readPosition);
      if (bytesRead === 0) break;
      readAny = true;
      this.#readPosition += bytesRead;
      lines.append(chunk.subarray(0, bytesRead));
    }
    if (!readAny && records === null) await sleep(IDLE_WAIT_MS, this.#stop.signal);
    return records;
  }

  #record(line: string, position: number): SourceRecord {
    return {
      sourcePartition: { [FILENAME_FIELD]: this.#filename },
      sourceOffset: { [POSITION_FIELD]: position },
      topic: this.#topic,
      kafkaPartition: null,
      keySchema: null,
      key: null,
      valueSchema: Schema.STRING_SCHEMA,
      value: line,
      timestamp: Date.now(),
      headers: new ConnectHeaders(),
    };
  }
}

/** Java's Integer.parseInt, with Kafka's message on failure. */
function parseJavaInt(text: string): number {
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < -(2 ** 31) || value > 2 ** 31 - 1) throw new InvalidConfigError('Invalid FileStreamSourceTask configuration');
  return value;
}
