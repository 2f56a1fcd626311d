/**
 * Kafka's FileStreamSinkTask (3.9): appends each record's value, printed as Java's
 * `String.valueOf` would (java-value-string.ts), and a `\n` to `file` (created when missing, never
 * truncated), or to standard output without `file`.
 *
 * Lifecycle: `start` opens the file for appending; `put` writes its records' lines with one
 * write; `flush` (and so the default preCommit) fsyncs the file, so committed offsets never run
 * ahead of what is on disk; `stop` closes it. Delivery is at-least-once: records redelivered after
 * a failure are appended again.
 *
 * Standard output is the process's: the terminal in standalone mode, the function's CloudWatch log
 * stream on Lambda (interleaved with log lines, not a file anyone can read back).
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { SinkRecord } from '#lib/data/connect-record';
import { InternalError } from '#lib/errors';
import { createLogger } from '#lib/logging/logger';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { SinkTask, SinkTaskContext } from '#lib/plugin/sink-task';
import { fileStreamSinkConfigDef } from './file-stream-sink-config';
import { javaValueString } from './java-value-string';

const log = createLogger('org.apache.kafka.connect.file.FileStreamSinkTask');
/** Java's `System.lineSeparator()` on Linux, which `PrintStream.println` writes. */
const LINE_SEPARATOR = '\n';

export class FileStreamSinkTask implements SinkTask {
  #filename: string | null = null;
  #file: FileHandle | null = null;

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }

  initialize(_context: SinkTaskContext): void {}

  async start(props: Record<string, string>): Promise<void> {
    const filename = new AbstractConfig(fileStreamSinkConfigDef(), props).getString('file');
    if (filename === null || filename === '') return;
    this.#filename = filename;
    try {
      this.#file = await open(filename, 'a');
    } catch (err) {
      throw new InternalError(`Couldn't find or create file '${filename}' for FileStreamSinkTask`, { cause: err });
    }
  }

  async put(records: readonly SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    let text = '';
    for (const record of records) text += javaValueString(record.valueSchema, record.value) + LINE_SEPARATOR;
    if (this.#file === null) {
      process.stdout.write(text);
      return;
    }
    try {
      await this.#file.write(text);
    } catch (err) {
      throw new InternalError(`Error while writing to ${this.#filename}: ${(err as Error).message}`, { cause: err });
    }
  }

  async flush(): Promise<void> {
    log.trace(`Flushing output stream for ${this.#filename ?? 'stdout'}`);
    await this.#file?.sync();
  }

  async stop(): Promise<void> {
    const file = this.#file;
    this.#file = null;
    await file?.close().catch((err: unknown) => log.error('Failed to close FileStreamSinkTask stream', { error: err }));
  }
}
