export { JdbcSinkConnector, jdbcSinkDescriptor } from './jdbc-sink-connector';
export { JdbcSinkTask } from './jdbc-sink-task';
export { JdbcDbWriter } from './jdbc-db-writer';
export { jdbcSinkConfigDef } from './jdbc-sink-config-def';
export { parseJdbcSinkConfig, type JdbcSinkConfig } from './jdbc-sink-config';
export { validateJdbcSink } from './validate-jdbc-sink';
export { SqlWriteError, TableAlterOrCreateError } from './sink-errors';
export * from './jdbc-sink-keys';
