/** Key names and values of Confluent's JdbcSinkConfig (10.9); the connection keys are the source's. */
export { CONNECTION_URL_CONFIG, CONNECTION_USER_CONFIG, CONNECTION_PASSWORD_CONFIG, CONNECTION_ATTEMPTS_CONFIG, CONNECTION_BACKOFF_CONFIG } from '../config/config-keys';
export { DIALECT_NAME_CONFIG, DATE_CALENDAR_SYSTEM_CONFIG, DB_TIMEZONE_CONFIG, QUOTE_SQL_IDENTIFIERS_CONFIG } from '../config/config-keys';

export const JDBC_SINK_CONNECTOR = 'io.confluent.connect.jdbc.JdbcSinkConnector';
export const JDBC_SINK_TASK = 'io.confluent.connect.jdbc.sink.JdbcSinkTask';

export const INSERT_MODE_CONFIG = 'insert.mode';
export const BATCH_SIZE_CONFIG = 'batch.size';
export const DELETE_ENABLED_CONFIG = 'delete.enabled';
export const TABLE_TYPES_CONFIG = 'table.types';
export const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';
export const TABLE_NAME_FORMAT_CONFIG = 'table.name.format';
export const PK_MODE_CONFIG = 'pk.mode';
export const PK_FIELDS_CONFIG = 'pk.fields';
export const FIELDS_WHITELIST_CONFIG = 'fields.whitelist';
/** lambda-connect's newer name for fields.whitelist (as table.include.list is for table.whitelist). */
export const FIELDS_INCLUDE_LIST_CONFIG = 'fields.include.list';
export const DATE_TIMEZONE_CONFIG = 'date.timezone';
export const TIMESTAMP_FIELDS_LIST_CONFIG = 'timestamp.fields.list';
export const TIMESTAMP_PRECISION_MODE_CONFIG = 'timestamp.precision.mode';
export const STRING_OUTPUT_VALUE_COLUMN_NAME_CONFIG = 'string.output.value.column.name';
export const AUTO_CREATE_CONFIG = 'auto.create';
export const AUTO_EVOLVE_CONFIG = 'auto.evolve';
export const MSSQL_USE_MERGE_HOLDLOCK_CONFIG = 'mssql.use.merge.holdlock';
export const MAX_RETRIES_CONFIG = 'max.retries';
export const RETRY_BACKOFF_MS_CONFIG = 'retry.backoff.ms';
export const TRIM_SENSITIVE_LOG_CONFIG = 'trim.sensitive.log';

export const CONNECTION_GROUP = 'Connection';
export const WRITES_GROUP = 'Writes';
export const DATA_MAPPING_GROUP = 'Data Mapping';
export const DDL_GROUP = 'DDL Support';
export const DML_GROUP = 'DML Support';
export const RETRIES_GROUP = 'Retries';

export const INSERT_MODES = ['insert', 'upsert', 'update'] as const;
export type InsertMode = (typeof INSERT_MODES)[number];
export const PK_MODES = ['none', 'kafka', 'record_key', 'record_value'] as const;
export type PkMode = (typeof PK_MODES)[number];
export const DATE_TIMEZONES = ['db_timezone', 'utc'] as const;
export const TIMESTAMP_PRECISION_MODES = ['microseconds', 'nanoseconds'] as const;
export type TimestampPrecisionMode = (typeof TIMESTAMP_PRECISION_MODES)[number];
/** Confluent's TableType: the JDBC name and how messages capitalise it. */
export const TABLE_TYPES = { TABLE: 'Table', 'PARTITIONED TABLE': 'Partitioned Table', VIEW: 'View' } as const;
export type TableType = keyof typeof TABLE_TYPES;

/** The Kafka-coordinates primary key columns of pk.mode=kafka. */
export const DEFAULT_KAFKA_PK_NAMES = ['__connect_topic', '__connect_partition', '__connect_offset'] as const;
