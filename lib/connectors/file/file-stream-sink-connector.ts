/**
 * Kafka's example FileStreamSinkConnector (3.9): writes records to a file or stdout with
 * FileStreamSinkTask; every task receives the full connector config (the framework adds the topics).
 */
import { AbstractConfig } from '#lib/plugin/abstract-config';
import type { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { SinkConnector, SinkConnectorDescriptor } from '#lib/plugin/task-types';
import { FILE_STREAM_SINK_CONNECTOR, FILE_STREAM_SINK_TASK, fileStreamSinkConfigDef } from './file-stream-sink-config';
import { FileStreamSinkTask } from './file-stream-sink-task';

export * from './file-stream-sink-config';

export class FileStreamSinkConnector implements SinkConnector {
  #props: Record<string, string> = {};

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return fileStreamSinkConfigDef();
  }

  start(props: Record<string, string>): void {
    new AbstractConfig(fileStreamSinkConfigDef(), props);
    this.#props = props;
  }

  taskClass(): string {
    return FILE_STREAM_SINK_TASK;
  }

  /** `maxTasks` identical configs. */
  taskConfigs(maxTasks: number): Record<string, string>[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.#props }));
  }

  stop(): void {}

  /** Offsets are framework-managed consumer offsets; nothing to check, and no external state to alter. */
  alterOffsets(): boolean {
    return true;
  }
}

export const fileStreamSinkDescriptor: SinkConnectorDescriptor = {
  className: FILE_STREAM_SINK_CONNECTOR,
  type: 'sink',
  version: BUNDLED_PLUGIN_VERSION,
  configDef: fileStreamSinkConfigDef,
  create: () => new FileStreamSinkConnector(),
  createTask: () => new FileStreamSinkTask(),
};
