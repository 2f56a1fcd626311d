/**
 * The ConfigDef of Confluent's JdbcSinkConfig (10.9) for the keys lambda-connect defines, in
 * Confluent's groups and order, plus `fields.include.list` (ours). Doc strings are Confluent's
 * where they describe what we do; see docs/connectors.md for the differences.
 */
import { ConfigDef } from '#lib/plugin/config-def';
import { Range } from '#lib/plugin/validators';
import { dialectRecommender, enumRecommender } from '../config/jdbc-validators';
import { POSTGRES_DIALECT } from '../config/config-keys';
import * as k from './jdbc-sink-keys';
import { defineSinkMappingOptions } from './jdbc-sink-mapping-options';
import { deleteEnabledRecommender, tableTypesRecommender } from './jdbc-sink-recommenders';

const INSERT_MODE_DOC =
  'The insertion mode to use. Supported modes are:\n``insert``\n    Use standard SQL ``INSERT`` statements.\n' +
  '``upsert``\n    Use the appropriate upsert semantics for the target database if it is supported by the connector, e.g. ``INSERT OR IGNORE``.\n' +
  '``update``\n    Use the appropriate update semantics for the target database if it is supported by the connector, e.g. ``UPDATE``.';

const TABLE_TYPES_DOC =
  'The comma-separated types of database tables to which the sink connector can write. By default this is ``TABLE``, but any combination of ``TABLE``, ``PARTITIONED TABLE`` and ``VIEW`` is allowed. ' +
  "Not all databases support writing to views, and when they do the sink connector will fail if the view definition does not match the records' schemas (regardless of ``auto.evolve``).";

export function jdbcSinkConfigDef(): ConfigDef {
  const def = new ConfigDef();
  let group: string = k.CONNECTION_GROUP;
  let position = 0;
  const at = (g: string): { group: string; orderInGroup: number } => {
    if (g !== group) [group, position] = [g, 0];
    return { group, orderInGroup: ++position };
  };
  def
    .define({ name: k.CONNECTION_URL_CONFIG, type: 'STRING', importance: 'HIGH', ...at(k.CONNECTION_GROUP), width: 'LONG', displayName: 'JDBC URL', documentation: 'JDBC connection URL.\nFor example: ``jdbc:postgresql://localhost:5432/db_name``. lambda-connect supports PostgreSQL URLs only (see docs/connectors.md for the URL parameters it reads).' })
    .define({ name: k.CONNECTION_USER_CONFIG, type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'JDBC connection user.', ...at(k.CONNECTION_GROUP), width: 'MEDIUM', displayName: 'JDBC User' })
    .define({ name: k.CONNECTION_PASSWORD_CONFIG, type: 'PASSWORD', defaultValue: null, importance: 'HIGH', documentation: 'JDBC connection password.', ...at(k.CONNECTION_GROUP), width: 'MEDIUM', displayName: 'JDBC Password' })
    .define({
      name: k.DIALECT_NAME_CONFIG, type: 'STRING', defaultValue: '', validator: dialectRecommender([POSTGRES_DIALECT]), recommender: dialectRecommender([POSTGRES_DIALECT]), importance: 'LOW', ...at(k.CONNECTION_GROUP), width: 'LONG', displayName: 'Database Dialect',
      documentation: 'The name of the database dialect that should be used for this connector. By default this is empty, and the connector automatically determines the dialect based upon the JDBC connection URL. Use this if you want to override that behavior and use a specific dialect. lambda-connect has the PostgreSqlDatabaseDialect only.',
    })
    .define({ name: k.CONNECTION_ATTEMPTS_CONFIG, type: 'INT', defaultValue: 3, validator: Range.atLeast(1), importance: 'LOW', documentation: 'Maximum number of attempts to retrieve a valid JDBC connection. Must be a positive integer.', ...at(k.CONNECTION_GROUP), width: 'SHORT', displayName: 'JDBC connection attempts' })
    .define({ name: k.CONNECTION_BACKOFF_CONFIG, type: 'LONG', defaultValue: 10000, importance: 'LOW', documentation: 'Backoff time in milliseconds between connection attempts.', ...at(k.CONNECTION_GROUP), width: 'SHORT', displayName: 'JDBC connection backoff in milliseconds' })
    .define({ name: k.INSERT_MODE_CONFIG, type: 'STRING', defaultValue: 'insert', validator: enumRecommender(k.INSERT_MODES), importance: 'HIGH', documentation: INSERT_MODE_DOC, ...at(k.WRITES_GROUP), width: 'MEDIUM', displayName: 'Insert Mode' })
    .define({ name: k.BATCH_SIZE_CONFIG, type: 'INT', defaultValue: 3000, validator: Range.atLeast(0), importance: 'MEDIUM', documentation: 'Specifies how many records to attempt to batch together for insertion into the destination table, when possible.', ...at(k.WRITES_GROUP), width: 'SHORT', displayName: 'Batch Size' })
    .define({ name: k.DELETE_ENABLED_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', documentation: 'Whether to treat ``null`` record values as deletes. Requires ``pk.mode`` to be ``record_key``.', ...at(k.WRITES_GROUP), width: 'SHORT', displayName: 'Enable deletes', recommender: deleteEnabledRecommender })
    .define({ name: k.TABLE_TYPES_CONFIG, type: 'LIST', defaultValue: 'TABLE', validator: tableTypesRecommender, recommender: tableTypesRecommender, importance: 'LOW', documentation: TABLE_TYPES_DOC, ...at(k.WRITES_GROUP), width: 'MEDIUM', displayName: 'Table Types' })
    .define({ name: k.REPLACE_NULL_WITH_DEFAULT_CONFIG, type: 'BOOLEAN', defaultValue: true, importance: 'LOW', documentation: 'Whether to replace ``null`` value with default value', ...at(k.WRITES_GROUP), width: 'MEDIUM', displayName: 'Replace null value with default value' });
  defineSinkMappingOptions(def);
  return def
    .define({ name: k.AUTO_CREATE_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', documentation: 'Whether to automatically create the destination table based on record schema if it is found to be missing by issuing ``CREATE``.', ...at(k.DDL_GROUP), width: 'SHORT', displayName: 'Auto-Create' })
    .define({ name: k.AUTO_EVOLVE_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', documentation: 'Whether to automatically add columns in the table schema when found to be missing relative to the record schema by issuing ``ALTER``.', ...at(k.DDL_GROUP), width: 'SHORT', displayName: 'Auto-Evolve' })
    .define({
      name: k.QUOTE_SQL_IDENTIFIERS_CONFIG, type: 'STRING', defaultValue: 'always', recommender: enumRecommender(['ALWAYS', 'NEVER']), importance: 'MEDIUM', ...at(k.DDL_GROUP), width: 'MEDIUM', displayName: 'Quote Identifiers',
      documentation: 'When to quote table names, column names, and other identifiers in SQL statements. For backward compatibility, the default is ``always``.',
    })
    .define({ name: k.MSSQL_USE_MERGE_HOLDLOCK_CONFIG, type: 'BOOLEAN', defaultValue: true, importance: 'LOW', documentation: 'Whether to use HOLDLOCK when performing a MERGE INTO upsert statement. Note that it is only applicable to SQL Server.', ...at(k.DML_GROUP), width: 'MEDIUM', displayName: 'SQL Server - Use HOLDLOCK in MERGE' })
    .define({ name: k.MAX_RETRIES_CONFIG, type: 'INT', defaultValue: 10, validator: Range.atLeast(0), importance: 'MEDIUM', documentation: 'The maximum number of times to retry on errors before failing the task.', ...at(k.RETRIES_GROUP), width: 'SHORT', displayName: 'Maximum Retries' })
    .define({ name: k.RETRY_BACKOFF_MS_CONFIG, type: 'INT', defaultValue: 3000, validator: Range.atLeast(0), importance: 'MEDIUM', documentation: 'The time in milliseconds to wait following an error before a retry attempt is made.', ...at(k.RETRIES_GROUP), width: 'SHORT', displayName: 'Retry Backoff (millis)' })
    .define({ name: k.TRIM_SENSITIVE_LOG_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'LOW', internalConfig: true });
}
