/** The Confluent JDBC connector release whose config keys and record format this implementation follows. */
export const JDBC_SOURCE_VERSION = '10.9.7';
export const JDBC_SOURCE_CONNECTOR = 'io.confluent.connect.jdbc.JdbcSourceConnector';
export const JDBC_SOURCE_TASK = 'io.confluent.connect.jdbc.source.JdbcSourceTask';
