/** Key names and values of Confluent's JdbcSourceConnectorConfig / JdbcSourceTaskConfig (10.9). */
export const CONNECTION_URL_CONFIG = 'connection.url';
export const CONNECTION_USER_CONFIG = 'connection.user';
export const CONNECTION_PASSWORD_CONFIG = 'connection.password';
export const CONNECTION_ATTEMPTS_CONFIG = 'connection.attempts';
export const CONNECTION_BACKOFF_CONFIG = 'connection.backoff.ms';
export const TABLE_WHITELIST_CONFIG = 'table.whitelist';
export const TABLE_BLACKLIST_CONFIG = 'table.blacklist';
export const TABLE_INCLUDE_LIST_CONFIG = 'table.include.list';
export const TABLE_EXCLUDE_LIST_CONFIG = 'table.exclude.list';
export const CATALOG_PATTERN_CONFIG = 'catalog.pattern';
export const SCHEMA_PATTERN_CONFIG = 'schema.pattern';
export const NUMERIC_PRECISION_MAPPING_CONFIG = 'numeric.precision.mapping';
export const NUMERIC_MAPPING_CONFIG = 'numeric.mapping';
export const DIALECT_NAME_CONFIG = 'dialect.name';
export const DATE_CALENDAR_SYSTEM_CONFIG = 'date.calendar.system';

export const MODE_CONFIG = 'mode';
export const INCREMENTING_COLUMN_NAME_CONFIG = 'incrementing.column.name';
export const TIMESTAMP_COLUMN_NAME_CONFIG = 'timestamp.column.name';
export const TIMESTAMP_INITIAL_CONFIG = 'timestamp.initial';
export const VALIDATE_NON_NULL_CONFIG = 'validate.non.null';
export const QUERY_CONFIG = 'query';
export const QUERY_MASKED_CONFIG = 'query.masked';
export const QUOTE_SQL_IDENTIFIERS_CONFIG = 'quote.sql.identifiers';
export const QUERY_SUFFIX_CONFIG = 'query.suffix';
export const TRANSACTION_ISOLATION_MODE_CONFIG = 'transaction.isolation.mode';
export const QUERY_RETRIES_CONFIG = 'query.retry.attempts';

export const TABLE_TYPE_CONFIG = 'table.types';
export const POLL_INTERVAL_MS_CONFIG = 'poll.interval.ms';
export const BATCH_MAX_ROWS_CONFIG = 'batch.max.rows';
export const TOPIC_PREFIX_CONFIG = 'topic.prefix';
export const TIMESTAMP_DELAY_INTERVAL_MS_CONFIG = 'timestamp.delay.interval.ms';
export const DB_TIMEZONE_CONFIG = 'db.timezone';
export const TIMESTAMP_GRANULARITY_CONFIG = 'timestamp.granularity';

/** Task-only keys, written by the connector's taskConfigs. */
export const TABLES_CONFIG = 'tables';
export const TABLES_FETCHED_CONFIG = 'tables.fetched';

export const DATABASE_GROUP = 'Database';
export const MODE_GROUP = 'Mode';
export const CONNECTOR_GROUP = 'Connector';

export const MODE_UNSPECIFIED = '';
export const MODE_BULK = 'bulk';
export const MODE_TIMESTAMP = 'timestamp';
export const MODE_INCREMENTING = 'incrementing';
export const MODE_TIMESTAMP_INCREMENTING = 'timestamp+incrementing';
export type Mode = typeof MODE_BULK | typeof MODE_TIMESTAMP | typeof MODE_INCREMENTING | typeof MODE_TIMESTAMP_INCREMENTING;

export const NUMERIC_MAPPINGS = ['none', 'precision_only', 'best_fit', 'best_fit_eager_double'] as const;
export type NumericMapping = (typeof NUMERIC_MAPPINGS)[number];

export const TIMESTAMP_GRANULARITIES = ['connect_logical', 'micros_long', 'micros_string', 'micros_iso_datetime_string', 'nanos_long', 'nanos_string', 'nanos_iso_datetime_string'] as const;
export type TimestampGranularity = (typeof TIMESTAMP_GRANULARITIES)[number];

export const TRANSACTION_ISOLATION_MODES = ['DEFAULT', 'READ_UNCOMMITTED', 'READ_COMMITTED', 'REPEATABLE_READ', 'SERIALIZABLE', 'SQL_SERVER_SNAPSHOT'] as const;
export type TransactionIsolationMode = (typeof TRANSACTION_ISOLATION_MODES)[number];

export const POSTGRES_DIALECT = 'PostgreSqlDatabaseDialect';
