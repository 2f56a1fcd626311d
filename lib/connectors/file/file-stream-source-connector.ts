/**
 * Kafka's example FileStreamSourceConnector (3.9), control plane only: reads a file or stdin into
 * one topic with a single task, which receives the full connector config.
 */
import { InternalError } from '#lib/errors';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Connector, ConnectorDescriptor, PartitionOffset } from '#lib/plugin/types';
import { NonEmptyString } from '#lib/plugin/validators';

export const FILE_STREAM_SOURCE_CONNECTOR = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
export const FILE_STREAM_SOURCE_TASK = 'org.apache.kafka.connect.file.FileStreamSourceTask';
export const FILE_CONFIG = 'file';
export const TOPIC_CONFIG = 'topic';
export const TASK_BATCH_SIZE_CONFIG = 'batch.size';
export const DEFAULT_TASK_BATCH_SIZE = 2000;
/** Source partition / offset fields of FileStreamSourceTask. */
export const FILENAME_FIELD = 'filename';
export const POSITION_FIELD = 'position';

export function fileStreamSourceConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: FILE_CONFIG, type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'Source filename. If not specified, the standard input will be used' })
    .define({ name: TOPIC_CONFIG, type: 'STRING', validator: NonEmptyString(), importance: 'HIGH', documentation: 'The topic to publish data to' })
    .define({ name: TASK_BATCH_SIZE_CONFIG, type: 'INT', defaultValue: DEFAULT_TASK_BATCH_SIZE, importance: 'LOW', documentation: 'The maximum number of records the source task can read from the file each time it is polled' });
}

export class FileStreamSourceConnector implements Connector {
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

export const fileStreamSourceDescriptor: ConnectorDescriptor = {
  className: FILE_STREAM_SOURCE_CONNECTOR,
  type: 'source',
  version: BUNDLED_PLUGIN_VERSION,
  configDef: fileStreamSourceConfigDef,
  create: () => new FileStreamSourceConnector(),
};
