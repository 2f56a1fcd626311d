/**
 * The multi-key rules of Confluent's JdbcSourceConnectorValidation (10.9) that lambda-connect
 * applies, as (key, message) problems: used by `validate` (errors on those keys) and by `start`
 * (the first problem fails the connector). Unlike Confluent 10.9, table mode without any table
 * filter stays valid (all tables are copied, as in earlier releases), and table.include.list may
 * be combined with incrementing.column.name / timestamp.column.name.
 */
import * as k from './config-keys';
import type { JdbcSourceConfig } from './jdbc-source-config';

export interface ConfigProblem {
  key: string;
  message: string;
}

const QUERY_WITH_FILTERS =
  "Do not specify table filtering configs with 'query'. Remove table.whitelist / table.blacklist / table.include.list / table.exclude.list when using query mode or 'query' when using table filtering mode.";
const LEGACY_AND_NEW =
  'Cannot mix legacy and new configuration approaches. Legacy configurations (table.whitelist, table.blacklist) cannot be used together with new configurations (table.include.list, table.exclude.list). ' +
  'Please choose one approach: either use all legacy configurations or all new configurations.';
const SELECT = /^SELECT\b/is;

export function configConflicts(config: JdbcSourceConfig, rawQuery: string, rawMaskedQuery: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (keys: readonly string[], message: string): void => keys.forEach((key) => problems.push({ key, message }));
  const filters = ([
    [k.TABLE_WHITELIST_CONFIG, config.tableWhitelist],
    [k.TABLE_BLACKLIST_CONFIG, config.tableBlacklist],
    [k.TABLE_INCLUDE_LIST_CONFIG, config.tableIncludeList],
    [k.TABLE_EXCLUDE_LIST_CONFIG, config.tableExcludeList],
  ] as const).filter(([, list]) => list.length > 0).map(([key]) => key);

  if (rawQuery !== '' && rawMaskedQuery !== '') {
    add([k.QUERY_CONFIG, k.QUERY_MASKED_CONFIG], "Both 'query' and 'query.masked' configs cannot be set at the same time. Please use only one of them.");
  } else if (config.query !== null) {
    const key = config.queryMasked ? k.QUERY_MASKED_CONFIG : k.QUERY_CONFIG;
    if (filters.length > 0) add([k.QUERY_CONFIG, k.QUERY_MASKED_CONFIG, ...filters], QUERY_WITH_FILTERS);
    else if (!SELECT.test(config.query.trim())) add([key], `Only SELECT statements are supported for '${key}'. Please provide a statement that starts with SELECT.`);
  } else {
    const legacy = filters.filter((key) => key === k.TABLE_WHITELIST_CONFIG || key === k.TABLE_BLACKLIST_CONFIG);
    const regex = filters.filter((key) => key === k.TABLE_INCLUDE_LIST_CONFIG || key === k.TABLE_EXCLUDE_LIST_CONFIG);
    if (legacy.length > 0 && regex.length > 0) add(filters, LEGACY_AND_NEW);
    else if (legacy.length === 2) add(legacy, `${k.TABLE_WHITELIST_CONFIG} and ${k.TABLE_BLACKLIST_CONFIG} are exclusive.`);
    else if (config.tableExcludeList.length > 0 && config.tableIncludeList.length === 0) {
      add([k.TABLE_EXCLUDE_LIST_CONFIG], `${k.TABLE_EXCLUDE_LIST_CONFIG} cannot be used without ${k.TABLE_INCLUDE_LIST_CONFIG}. Exclude list only applies to tables that match the include list.`);
    }
  }
  const incrementalMode = config.mode === k.MODE_INCREMENTING || config.mode === k.MODE_TIMESTAMP_INCREMENTING;
  if (config.query !== null && incrementalMode && config.incrementingColumnName.trim() === '') add([k.INCREMENTING_COLUMN_NAME_CONFIG], queryModeIncrementingMessage());
  if (config.isolationMode === 'SQL_SERVER_SNAPSHOT') add([k.TRANSACTION_ISOLATION_MODE_CONFIG], 'Isolation mode of `SQL_SERVER_SNAPSHOT` can only be configured with a Sql Server Dialect');
  return problems;
}

/** Confluent's message for query mode with an incrementing mode and no incrementing.column.name. */
export function queryModeIncrementingMessage(): string {
  return (
    `'${k.INCREMENTING_COLUMN_NAME_CONFIG}' must be provided when using mode '${k.MODE_INCREMENTING}' or '${k.MODE_TIMESTAMP_INCREMENTING}' with a custom query. ` +
    'The incrementing column cannot be auto-discovered in query mode because there is no table to inspect. ' +
    `Note that 'incrementing.column.mapping' is not applied in query mode (it maps columns by table-name regex, and a custom query has no underlying table to match), so '${k.INCREMENTING_COLUMN_NAME_CONFIG}' must be set explicitly.`
  );
}
