/**
 * Kafka's example FileStreamSourceConnector (3.9): reads a file into one topic with a single task
 * (file-stream-source-task.ts), which receives the full connector config.
 */
import { InternalError } from '#lib/errors';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import type { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { ExactlyOnceSupport, SourceConnector, SourceConnectorDescriptor } from '#lib/plugin/task-types';
import type { PartitionOffset } from '#lib/plugin/types';
import { FILE_CONFIG, FILE_STREAM_SOURCE_CONNECTOR, FILE_STREAM_SOURCE_TASK, FILENAME_FIELD, POSITION_FIELD, fileStreamSourceConfigDef } from './file-stream-source-config';
import { FileStreamSourceTask } from './file-stream-source-task';

export * from './file-stream-source-config';

export class FileStreamSourceConnector implements SourceConnector {
  #props: Record<string, string> = {};

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return fileStreamSourceConfigDef();
  }

  start(props: Record<string, string>): void {
    new AbstractConfig(fileStreamSourceConfigDef(), props);
    this.#props = props;
  }

  taskClass(): string {
    return FILE_STREAM_SOURCE_TASK;
  }

  /** Only one input stream makes sense: one task, whatever `maxTasks` is. */
  taskConfigs(_maxTasks: number): Record<string, string>[] {
    return [{ ...this.#props }];
  }

  stop(): void {}

  /** Exactly-once is possible when reading a real file that is only appended to. */
  exactlyOnceSupport(config: Record<string, string>): ExactlyOnceSupport {
    const filename = new AbstractConfig(fileStreamSourceConfigDef(), config).getString(FILE_CONFIG);
    return filename !== null && filename !== '' ? 'SUPPORTED' : 'UNSUPPORTED';
  }

  alterOffsets(config: Record<string, string>, offsets: PartitionOffset[]): boolean {
    const filename = new AbstractConfig(fileStreamSourceConfigDef(), config).getString(FILE_CONFIG);
    if (filename === null || filename === '') {
      throw new InternalError("Offsets cannot be modified if the 'file' configuration is unspecified. This is because stdin is used for input and offsets are not tracked.");
    }
    for (const { partition, offset } of offsets) {
      if (offset === null) continue;
      if (!Object.hasOwn(offset, POSITION_FIELD)) throw new InternalError("Offset objects should either be null or contain the key 'position'");
      const position = offset[POSITION_FIELD];
      if (!isLong(position)) throw new InternalError("The value for the 'position' key in the offset is expected to be a Long value");
      if (position < 0) throw new InternalError("The value for the 'position' key in the offset should be a non-negative value");
      if (!Object.hasOwn(partition, FILENAME_FIELD)) throw new InternalError("Partition objects should contain the key 'filename'");
    }
    return true;
  }
}

function isLong(value: unknown): value is number | bigint {
  return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
}

export const fileStreamSourceDescriptor: SourceConnectorDescriptor = {
  className: FILE_STREAM_SOURCE_CONNECTOR,
  type: 'source',
  version: BUNDLED_PLUGIN_VERSION,
  configDef: fileStreamSourceConfigDef,
  create: () => new FileStreamSourceConnector(),
  createTask: () => new FileStreamSourceTask(),
};
