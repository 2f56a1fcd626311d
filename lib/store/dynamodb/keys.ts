/**
 * The single-table key design (see docs/architecture.md, "State in DynamoDB").
 *
 * | record            | pk                  | sk                                  |
 * |-------------------|---------------------|-------------------------------------|
 * | connector config  | connector#<name>    | config                              |
 * | connector status  | connector#<name>    | status#connector                    |
 * | task status       | connector#<name>    | status#task#<id, 10 digits>         |
 * | topic in use      | connector#<name>    | topic#<topic>                       |
 * | task lease        | connector#<name>    | lease#task#<id, 10 digits>          |
 * | source offset     | offsets#<connector> | <canonical partition JSON>          |
 * | logger level      | loggers             | logger#<logger name>                |
 *
 * Offsets have their own partition key so that deleting a connector's items leaves them in place, as
 * Kafka keeps a deleted connector's offsets. Connector items also carry gsi1pk/gsi1sk, a sparse index
 * that lists connectors without a Scan.
 */
import { createHash } from 'node:crypto';
import { MAX_TASK_ID } from '#lib/store/task-id';

export const CONNECTOR_PK_PREFIX = 'connector#';
export const OFFSETS_PK_PREFIX = 'offsets#';
export const LOGGERS_PK = 'loggers';

export const CONFIG_SK = 'config';
export const STATUS_SK_PREFIX = 'status#';
export const CONNECTOR_STATUS_SK = 'status#connector';
export const TASK_STATUS_SK_PREFIX = 'status#task#';
export const TOPIC_SK_PREFIX = 'topic#';
export const TASK_LEASE_SK_PREFIX = 'lease#task#';
export const LOGGER_SK_PREFIX = 'logger#';
/** Prefix of an offset sort key that had to be hashed; a canonical partition JSON always starts with `{`. */
export const HASHED_OFFSET_SK_PREFIX = 'sha256#';

export const CONNECTORS_INDEX = 'gsi1';
export const CONNECTORS_INDEX_PK = 'connectors';

/** DynamoDB's limit on a sort key value. */
const MAX_SORT_KEY_BYTES = 1024;
const TASK_ID_DIGITS = String(MAX_TASK_ID).length;

export const connectorPk = (name: string): string => CONNECTOR_PK_PREFIX + name;
export const offsetsPk = (connector: string): string => OFFSETS_PK_PREFIX + connector;
export const taskStatusSk = (taskId: number): string =>
  TASK_STATUS_SK_PREFIX + String(taskId).padStart(TASK_ID_DIGITS, '0');
export const lastTaskStatusSk = (): string => taskStatusSk(MAX_TASK_ID);
export const taskLeaseSk = (taskId: number): string =>
  TASK_LEASE_SK_PREFIX + String(taskId).padStart(TASK_ID_DIGITS, '0');
export const topicSk = (topic: string): string => TOPIC_SK_PREFIX + topic;
export const loggerSk = (logger: string): string => LOGGER_SK_PREFIX + logger;

/** The partition's canonical JSON, or its SHA-256 when the JSON exceeds the sort key size limit
 *  (the full partition is always kept in the `partition` attribute). */
export function offsetSk(partitionJson: string): string {
  if (Buffer.byteLength(partitionJson) <= MAX_SORT_KEY_BYTES) return partitionJson;
  return HASHED_OFFSET_SK_PREFIX + createHash('sha256').update(partitionJson).digest('hex');
}
