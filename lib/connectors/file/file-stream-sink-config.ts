/** Kafka's FileStreamSinkConnector config (3.9): the class names and the one key, `file`. */
import { ConfigDef } from '#lib/plugin/config-def';

export const FILE_STREAM_SINK_CONNECTOR = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
export const FILE_STREAM_SINK_TASK = 'org.apache.kafka.connect.file.FileStreamSinkTask';

export function fileStreamSinkConfigDef(): ConfigDef {
  return new ConfigDef().define({ name: 'file', type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'Destination filename. If not specified, the standard output will be used' });
}
