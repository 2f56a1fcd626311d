/**
 * The JDBC source config, parsed and typed once (Confluent's JdbcSourceConnectorConfig getters):
 * the query comes from `query.masked` or `query`, the numeric mapping from `numeric.mapping` or the
 * deprecated `numeric.precision.mapping`, the topic prefix is trimmed.
 */
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigException } from '#lib/plugin/config-exception';
import type { CalendarSystem } from '../temporal/civil-calendar';
import { parseJavaZoneId, UTC_ZONE, type JavaZone } from '../temporal/java-zone';
import { parseQuoteMethod, type QuoteMethod } from '../tables/table-id';
import * as k from './config-keys';
import { jdbcSourceConfigDef, jdbcSourceTaskConfigDef } from './jdbc-source-config-def';

export interface JdbcSourceConfig {
  connectionUrl: string;
  user: string | null;
  password: string | null;
  tableWhitelist: string[];
  tableBlacklist: string[];
  tableIncludeList: string[];
  tableExcludeList: string[];
  schemaPattern: string | null;
  numericMapping: k.NumericMapping;
  calendar: CalendarSystem;
  /** '' when unset. */
  mode: k.Mode | '';
  incrementingColumnName: string;
  timestampColumnNames: string[];
  timestampInitial: bigint | null;
  validateNonNull: boolean;
  /** The custom query, or null in table mode. */
  query: string | null;
  queryMasked: boolean;
  quote: QuoteMethod;
  querySuffix: string;
  isolationMode: k.TransactionIsolationMode;
  queryRetryAttempts: number;
  tableTypes: string[];
  pollIntervalMs: number;
  batchMaxRows: number;
  topicPrefix: string;
  timestampDelayIntervalMs: number;
  zone: JavaZone;
  timestampGranularity: k.TimestampGranularity;
}

export interface JdbcSourceTaskConfig extends JdbcSourceConfig {
  tables: string[];
  tablesFetched: boolean;
}

export function parseJdbcSourceConfig(props: Readonly<Record<string, string>>): JdbcSourceConfig {
  return typed(new AbstractConfig(jdbcSourceConfigDef(), props));
}

export function parseJdbcSourceTaskConfig(props: Readonly<Record<string, string>>): JdbcSourceTaskConfig {
  const config = new AbstractConfig(jdbcSourceTaskConfigDef(), props);
  return { ...typed(config), tables: config.getList(k.TABLES_CONFIG) ?? [], tablesFetched: config.getBoolean(k.TABLES_FETCHED_CONFIG) ?? false };
}

function typed(c: AbstractConfig): JdbcSourceConfig {
  const masked = c.getPassword(k.QUERY_MASKED_CONFIG)?.value() ?? '';
  const query = masked !== '' ? masked : (c.getString(k.QUERY_CONFIG) ?? '');
  return {
    connectionUrl: c.getString(k.CONNECTION_URL_CONFIG) ?? '',
    user: c.getString(k.CONNECTION_USER_CONFIG),
    password: c.getPassword(k.CONNECTION_PASSWORD_CONFIG)?.value() ?? null,
    tableWhitelist: c.getList(k.TABLE_WHITELIST_CONFIG) ?? [],
    tableBlacklist: c.getList(k.TABLE_BLACKLIST_CONFIG) ?? [],
    tableIncludeList: c.getList(k.TABLE_INCLUDE_LIST_CONFIG) ?? [],
    tableExcludeList: c.getList(k.TABLE_EXCLUDE_LIST_CONFIG) ?? [],
    schemaPattern: c.getString(k.SCHEMA_PATTERN_CONFIG),
    numericMapping: numericMapping(c),
    calendar: c.getString(k.DATE_CALENDAR_SYSTEM_CONFIG) === 'PROLEPTIC_GREGORIAN' ? 'PROLEPTIC_GREGORIAN' : 'LEGACY',
    mode: (c.getString(k.MODE_CONFIG) ?? '') as k.Mode | '',
    incrementingColumnName: c.getString(k.INCREMENTING_COLUMN_NAME_CONFIG) ?? '',
    timestampColumnNames: (c.getList(k.TIMESTAMP_COLUMN_NAME_CONFIG) ?? []).filter((name) => name !== ''),
    timestampInitial: c.getLong(k.TIMESTAMP_INITIAL_CONFIG),
    validateNonNull: c.getBoolean(k.VALIDATE_NON_NULL_CONFIG) ?? true,
    query: query === '' ? null : query,
    queryMasked: masked !== '',
    quote: parseQuoteMethod(c.getString(k.QUOTE_SQL_IDENTIFIERS_CONFIG) ?? 'always'),
    querySuffix: (c.getString(k.QUERY_SUFFIX_CONFIG) ?? '').trim(),
    isolationMode: isolationMode(c.getString(k.TRANSACTION_ISOLATION_MODE_CONFIG) ?? 'DEFAULT'),
    queryRetryAttempts: c.getNumber(k.QUERY_RETRIES_CONFIG) ?? -1,
    tableTypes: c.getList(k.TABLE_TYPE_CONFIG) ?? ['TABLE'],
    pollIntervalMs: c.getNumber(k.POLL_INTERVAL_MS_CONFIG) ?? 5000,
    batchMaxRows: c.getNumber(k.BATCH_MAX_ROWS_CONFIG) ?? 1000,
    topicPrefix: (c.getString(k.TOPIC_PREFIX_CONFIG) ?? '').trim(),
    timestampDelayIntervalMs: Number(c.getLong(k.TIMESTAMP_DELAY_INTERVAL_MS_CONFIG) ?? 0n),
    zone: parseJavaZoneId(c.getString(k.DB_TIMEZONE_CONFIG) ?? 'UTC') ?? UTC_ZONE,
    timestampGranularity: (c.getString(k.TIMESTAMP_GRANULARITY_CONFIG) ?? 'connect_logical').toLowerCase() as k.TimestampGranularity,
  };
}

function numericMapping(c: AbstractConfig): k.NumericMapping {
  const value = c.getString(k.NUMERIC_MAPPING_CONFIG);
  if (value !== null) return value.toLowerCase() as k.NumericMapping;
  return c.getBoolean(k.NUMERIC_PRECISION_MAPPING_CONFIG) ? 'precision_only' : 'none';
}

/** TransactionIsolationMode.valueOf: exact enum name. */
function isolationMode(value: string): k.TransactionIsolationMode {
  if ((k.TRANSACTION_ISOLATION_MODES as readonly string[]).includes(value)) return value as k.TransactionIsolationMode;
  throw new ConfigException(`No enum constant io.confluent.connect.jdbc.source.JdbcSourceConnectorConfig.TransactionIsolationMode.${value}`);
}
