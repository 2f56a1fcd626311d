/**
 * The JDBC sink config, parsed and typed once (Confluent's JdbcSinkConfig constructor), with its
 * one cross-key rule: deletes need pk.mode=record_key. `fields.include.list` stands in for an empty
 * `fields.whitelist`.
 */
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigException } from '#lib/plugin/config-exception';
import type { JdbcConnectionConfig } from '../connection/pg-pool';
import { parseQuoteMethod, type QuoteMethod } from '../tables/table-id';
import type { CalendarSystem } from '../temporal/civil-calendar';
import { parseJavaZoneId, UTC_ZONE, type JavaZone } from '../temporal/java-zone';
import * as k from './jdbc-sink-keys';
import { jdbcSinkConfigDef } from './jdbc-sink-config-def';

export interface JdbcSinkConfig extends JdbcConnectionConfig {
  /** The connector's `name`, for messages. */
  connectorName: string | null;
  tableNameFormat: string;
  batchSize: number;
  deleteEnabled: boolean;
  tableTypes: ReadonlySet<k.TableType>;
  replaceNullWithDefault: boolean;
  insertMode: k.InsertMode;
  pkMode: k.PkMode;
  pkFields: readonly string[];
  fieldsWhitelist: ReadonlySet<string>;
  /** db.timezone: time and timestamp values are written as wall clocks in this zone. */
  zone: JavaZone;
  /** date.timezone: db.timezone unless set to UTC. */
  dateZone: JavaZone;
  timestampFields: ReadonlySet<string>;
  timestampPrecision: k.TimestampPrecisionMode;
  calendar: CalendarSystem;
  stringValueColumn: string;
  autoCreate: boolean;
  autoEvolve: boolean;
  quote: QuoteMethod;
  maxRetries: number;
  retryBackoffMs: number;
}

export const DELETE_NEEDS_RECORD_KEY = "Primary key mode must be 'record_key' when delete support is enabled";

export function parseJdbcSinkConfig(props: Readonly<Record<string, string>>): JdbcSinkConfig {
  const c = new AbstractConfig(jdbcSinkConfigDef(), props);
  const zone = parseJavaZoneId(c.getString(k.DB_TIMEZONE_CONFIG) ?? 'UTC') ?? UTC_ZONE;
  const whitelist = c.getList(k.FIELDS_WHITELIST_CONFIG) ?? [];
  const config: JdbcSinkConfig = {
    connectorName: props.name ?? null,
    connectionUrl: c.getString(k.CONNECTION_URL_CONFIG) ?? '',
    user: c.getString(k.CONNECTION_USER_CONFIG),
    password: c.getPassword(k.CONNECTION_PASSWORD_CONFIG)?.value() ?? null,
    tableNameFormat: (c.getString(k.TABLE_NAME_FORMAT_CONFIG) ?? '${topic}').trim(),
    batchSize: c.getNumber(k.BATCH_SIZE_CONFIG) ?? 3000,
    deleteEnabled: c.getBoolean(k.DELETE_ENABLED_CONFIG) ?? false,
    tableTypes: new Set((c.getList(k.TABLE_TYPES_CONFIG) ?? ['TABLE']).map(tableType)),
    replaceNullWithDefault: c.getBoolean(k.REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true,
    insertMode: (c.getString(k.INSERT_MODE_CONFIG) ?? 'insert').toLowerCase() as k.InsertMode,
    pkMode: (c.getString(k.PK_MODE_CONFIG) ?? 'none').toLowerCase() as k.PkMode,
    pkFields: c.getList(k.PK_FIELDS_CONFIG) ?? [],
    fieldsWhitelist: new Set(whitelist.length > 0 ? whitelist : (c.getList(k.FIELDS_INCLUDE_LIST_CONFIG) ?? [])),
    zone,
    dateZone: (c.getString(k.DATE_TIMEZONE_CONFIG) ?? '').toUpperCase() === 'UTC' ? UTC_ZONE : zone,
    timestampFields: new Set(c.getList(k.TIMESTAMP_FIELDS_LIST_CONFIG) ?? []),
    timestampPrecision: (c.getString(k.TIMESTAMP_PRECISION_MODE_CONFIG) ?? 'microseconds').toLowerCase() as k.TimestampPrecisionMode,
    calendar: c.getString(k.DATE_CALENDAR_SYSTEM_CONFIG) === 'PROLEPTIC_GREGORIAN' ? 'PROLEPTIC_GREGORIAN' : 'LEGACY',
    stringValueColumn: c.getString(k.STRING_OUTPUT_VALUE_COLUMN_NAME_CONFIG) ?? 'record_value',
    autoCreate: c.getBoolean(k.AUTO_CREATE_CONFIG) ?? false,
    autoEvolve: c.getBoolean(k.AUTO_EVOLVE_CONFIG) ?? false,
    quote: parseQuoteMethod(c.getString(k.QUOTE_SQL_IDENTIFIERS_CONFIG) ?? 'always'),
    maxRetries: c.getNumber(k.MAX_RETRIES_CONFIG) ?? 10,
    retryBackoffMs: c.getNumber(k.RETRY_BACKOFF_MS_CONFIG) ?? 3000,
  };
  if (config.deleteEnabled && config.pkMode !== 'record_key') throw new ConfigException(DELETE_NEEDS_RECORD_KEY);
  return config;
}

/** TableType.get: trimmed, case-insensitive (with Confluent's message, which names QuoteMethod). */
function tableType(name: string): k.TableType {
  const upper = name.trim().toUpperCase();
  if (Object.hasOwn(k.TABLE_TYPES, upper)) return upper as k.TableType;
  throw new ConfigException(`No matching QuoteMethod found for '${name.trim()}'`);
}
