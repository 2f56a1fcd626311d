/** The "Mode" group of Confluent's JdbcSourceConnectorConfig (the keys lambda-connect supports). */
import type { ConfigDef } from '#lib/plugin/config-def';
import { ValidString } from '#lib/plugin/validators';
import * as k from './config-keys';
import { enumRecommender, hiddenRecommender, modeDependentsRecommender } from './jdbc-validators';

const MODE_DOC =
  'The mode for updating a table each time it is polled. Options include:\n' +
  '  * bulk: perform a bulk load of the entire table each time it is polled\n' +
  '  * incrementing: use a strictly incrementing column on each table to detect only new rows. Note that this will not detect modifications or deletions of existing rows.\n' +
  '  * timestamp: use a timestamp (or timestamp-like) column to detect new and modified rows. This assumes the column is updated with each write, and that values are monotonically incrementing, but not necessarily unique.\n' +
  '  * timestamp+incrementing: use two columns, a timestamp column that detects new and modified rows and a strictly incrementing column which provides a globally unique ID for updates so each row can be assigned a unique stream offset.';

const QUERY_DOC =
  'If specified, the query to perform to select new or updated rows. Use this setting if you want to join tables, select subsets of columns in a table, or filter data. ' +
  'If used, this connector will only copy data using this query -- whole-table copying will be disabled. Different query modes may still be used for incremental updates, but in order to properly construct the incremental query, ' +
  'it must be possible to append a WHERE clause to this query (i.e. no WHERE clauses may be used). If you use a WHERE clause, it must handle incremental queries itself.';

export function defineModeOptions(def: ConfigDef): ConfigDef {
  let position = 0;
  const order = (): number => ++position;
  const group = k.MODE_GROUP;
  return def
    .define({
      name: k.MODE_CONFIG, type: 'STRING', defaultValue: k.MODE_UNSPECIFIED,
      validator: ValidString.in(k.MODE_UNSPECIFIED, k.MODE_BULK, k.MODE_TIMESTAMP, k.MODE_INCREMENTING, k.MODE_TIMESTAMP_INCREMENTING),
      importance: 'HIGH', documentation: MODE_DOC, group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Table Loading Mode',
      dependents: [k.INCREMENTING_COLUMN_NAME_CONFIG, k.TIMESTAMP_COLUMN_NAME_CONFIG, k.VALIDATE_NON_NULL_CONFIG],
    })
    .define({
      name: k.INCREMENTING_COLUMN_NAME_CONFIG, type: 'STRING', defaultValue: '', importance: 'MEDIUM', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Incrementing Column Name', recommender: modeDependentsRecommender,
      documentation: 'The name of the strictly incrementing column to use to detect new rows. Any empty value indicates the column should be autodetected by looking for an auto-incrementing column. This column may not be nullable.',
    })
    .define({
      name: k.TIMESTAMP_COLUMN_NAME_CONFIG, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Timestamp Column Name', recommender: modeDependentsRecommender,
      documentation:
        'Comma separated list of one or more timestamp columns to detect new or modified rows using the COALESCE SQL function. Rows whose first non-null timestamp value is greater than the largest previous timestamp value seen will be discovered with each poll. At least one column should not be nullable.',
    })
    .define({
      name: k.TIMESTAMP_INITIAL_CONFIG, type: 'LONG', defaultValue: null, importance: 'LOW', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Unix time value of initial timestamp', recommender: modeDependentsRecommender,
      documentation: 'The epoch timestamp used for initial queries that use timestamp criteria. Use -1 to use the current time. If not specified, all data will be retrieved.',
    })
    .define({
      name: k.VALIDATE_NON_NULL_CONFIG, type: 'BOOLEAN', defaultValue: true, importance: 'LOW', group, orderInGroup: order(), width: 'SHORT', displayName: 'Validate Non Null', recommender: modeDependentsRecommender,
      documentation:
        "By default, the JDBC connector will validate that all incrementing and timestamp tables have NOT NULL set for the columns being used as their ID/timestamp. If the tables don't, JDBC connector will fail to start. Setting this to false will disable these checks.",
    })
    .define({ name: k.QUERY_CONFIG, type: 'STRING', defaultValue: '', importance: 'MEDIUM', documentation: QUERY_DOC, group, orderInGroup: order(), width: 'SHORT', displayName: 'Query' })
    .define({
      name: k.QUERY_MASKED_CONFIG, type: 'PASSWORD', defaultValue: '', importance: 'MEDIUM', group, orderInGroup: order(), width: 'SHORT', displayName: 'Query (Masked)', recommender: hiddenRecommender,
      documentation: "Same as 'query' configuration but the query string is maskedUse this config to prevent sensitive information from being logged.",
    })
    .define({
      name: k.QUOTE_SQL_IDENTIFIERS_CONFIG, type: 'STRING', defaultValue: 'always', importance: 'MEDIUM', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Quote Identifiers', recommender: enumRecommender(['ALWAYS', 'NEVER']),
      documentation: 'When to quote table names, column names, and other identifiers in SQL statements. For backward compatibility, the default is ``always``.',
    })
    .define({ name: k.QUERY_SUFFIX_CONFIG, type: 'STRING', defaultValue: '', importance: 'LOW', documentation: 'Suffix to append at the end of the generated query.', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Query suffix' })
    .define({
      name: k.TRANSACTION_ISOLATION_MODE_CONFIG, type: 'STRING', defaultValue: 'DEFAULT', importance: 'LOW', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Transaction Isolation Mode', recommender: enumRecommender(k.TRANSACTION_ISOLATION_MODES),
      documentation:
        'Mode to control which transaction isolation level is used when running queries against the database. By default no explicit transaction isolation mode is set. ' +
        'SQL_SERVER_SNAPSHOT will only work against a connector configured to write to Sql Server.  Options include:\n  * DEFAULT\n   * READ_UNCOMMITED\n  * READ_COMMITED\n  * REPEATABLE_READ\n  * SERIALIZABLE\n  * SQL_SERVER_SNAPSHOT\n',
    })
    .define({ name: k.QUERY_RETRIES_CONFIG, type: 'INT', defaultValue: -1, importance: 'LOW', documentation: 'Number of times to retry SQL exceptions encountered when executing queries.', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Query Retry Attempts' });
}
