/**
 * The connector's `validate` (Confluent's JdbcSinkConnectorValidation): the ConfigDef results, then
 * delete.enabled=true without pk.mode=record_key ("Deletes are only supported for pk.mode
 * record_key" on both keys), then lambda-connect's checks of combinations Confluent only rejects at
 * the first record (upsert without a primary key mode, a pk.fields list for pk.mode=kafka that is
 * not a trio, both fields.whitelist and fields.include.list), and — only when all that passes — a
 * connection to the database ("Could not connect to database. …" on connection.url).
 */
import type { ConfigValue } from '#lib/plugin/config-types';
import { ConfigException } from '#lib/plugin/config-exception';
import { createJdbcPool, withConnection } from '../connection/pg-pool';
import { kafkaPkFieldsMessage } from './fields-metadata';
import { parseJdbcSinkConfig } from './jdbc-sink-config';
import { jdbcSinkConfigDef } from './jdbc-sink-config-def';
import * as k from './jdbc-sink-keys';

export const DELETES_NEED_RECORD_KEY = 'Deletes are only supported for pk.mode record_key';
export const UPSERT_NEEDS_KEYS = "insert.mode 'upsert' needs primary key columns: set pk.mode to kafka, record_key or record_value";
export const BOTH_FIELD_LISTS = 'Set either fields.whitelist or fields.include.list, not both';

export async function validateJdbcSink(props: Readonly<Record<string, string | null>>): Promise<ConfigValue[]> {
  const values = jdbcSinkConfigDef().validateAll(props);
  const results = [...values.values()];
  const valid = (name: string): ConfigValue | undefined => {
    const value = values.get(name);
    return value !== undefined && value.errorMessages.length === 0 ? value : undefined;
  };
  const pkMode = valid(k.PK_MODE_CONFIG);
  const deleteEnabled = valid(k.DELETE_ENABLED_CONFIG);
  if (deleteEnabled?.value === true && pkMode !== undefined && pkMode.value !== 'record_key' && pkMode.value !== 'RECORD_KEY') {
    pkMode.errorMessages.push(DELETES_NEED_RECORD_KEY);
    deleteEnabled.errorMessages.push(DELETES_NEED_RECORD_KEY);
  }
  const mode = String(pkMode?.value ?? '').toLowerCase();
  const insertMode = valid(k.INSERT_MODE_CONFIG);
  if (pkMode !== undefined && mode === 'none' && String(insertMode?.value).toLowerCase() === 'upsert') {
    insertMode?.errorMessages.push(UPSERT_NEEDS_KEYS);
    pkMode.errorMessages.push(UPSERT_NEEDS_KEYS);
  }
  const pkFields = valid(k.PK_FIELDS_CONFIG);
  const fieldNames = (pkFields?.value as string[] | null | undefined) ?? [];
  if (mode === 'kafka' && fieldNames.length !== 0 && fieldNames.length !== 3) pkFields?.errorMessages.push(kafkaPkFieldsMessage(fieldNames));
  const [whitelist, includeList] = [valid(k.FIELDS_WHITELIST_CONFIG), valid(k.FIELDS_INCLUDE_LIST_CONFIG)];
  if (((whitelist?.value as string[] | null) ?? []).length > 0 && ((includeList?.value as string[] | null) ?? []).length > 0) {
    whitelist?.errorMessages.push(BOTH_FIELD_LISTS);
    includeList?.errorMessages.push(BOTH_FIELD_LISTS);
  }
  if (!results.some((v) => v.errorMessages.length > 0)) await checkConnection(props, values.get(k.CONNECTION_URL_CONFIG));
  return results;
}

async function checkConnection(props: Readonly<Record<string, string | null>>, url: ConfigValue | undefined): Promise<void> {
  const strings = Object.fromEntries(Object.entries(props).filter((e): e is [string, string] => e[1] !== null));
  let jdbc;
  try {
    jdbc = createJdbcPool(parseJdbcSinkConfig(strings), 1, 'sink');
  } catch (err) {
    url?.errorMessages.push(err instanceof ConfigException ? err.message : `Could not connect to database. ${(err as Error).message}`);
    return;
  }
  try {
    await withConnection(jdbc, (client) => client.query('SELECT 1'));
  } catch (err) {
    url?.errorMessages.push(`Could not connect to database. ${(err as Error).message}`);
  } finally {
    await jdbc.pool.end().catch(() => undefined);
  }
}
