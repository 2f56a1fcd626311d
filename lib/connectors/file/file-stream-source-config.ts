/** Kafka's FileStreamSourceConnector config (3.9): keys, defaults and the source partition/offset fields. */
import { ConfigDef } from '#lib/plugin/config-def';
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
