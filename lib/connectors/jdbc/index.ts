export * from './jdbc-source-connector';
export * from './jdbc-source-version';
export * from './config/config-keys';
export { jdbcSourceConfigDef, jdbcSourceTaskConfigDef } from './config/jdbc-source-config-def';
export { parseJdbcSourceConfig, parseJdbcSourceTaskConfig, type JdbcSourceConfig, type JdbcSourceTaskConfig } from './config/jdbc-source-config';
export { pgSettingsFromJdbcUrl, type PgConnectionSettings } from './connection/jdbc-url';
export { JdbcSourceTask, NO_TABLE_MESSAGE } from './task/jdbc-source-task';
export { TableId, formatTableId, parseTableIdentifier } from './tables/table-id';
export * as sink from './sink/index';
