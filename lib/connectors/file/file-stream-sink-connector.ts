/**
 * Kafka's example FileStreamSinkConnector (3.9), control plane only: writes records to a file or
 * stdout; every task receives the full connector config (the framework adds the topics).
 */
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Connector, ConnectorDescriptor } from '#lib/plugin/types';

export const FILE_STREAM_SINK_CONNECTOR = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
export const FILE_STREAM_SINK_TASK = 'org.apache.kafka.connect.file.FileStreamSinkTask';

export function fileStreamSinkConfigDef(): ConfigDef {
  return new ConfigDef().define({ name: 'file', type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'Destination filename. If not specified, the standard output will be used' });
}

export class FileStreamSinkConnector implements Connector {
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

export const fileStreamSinkDescriptor: ConnectorDescriptor = {
  className: FILE_STREAM_SINK_CONNECTOR,
  type: 'sink',
  version: BUNDLED_PLUGIN_VERSION,
  configDef: fileStreamSinkConfigDef,
  create: () => new FileStreamSinkConnector(),
};
