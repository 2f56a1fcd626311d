/**
 * The connector's `validate` (Confluent's JdbcSourceConnectorValidation): the ConfigDef results
 * first; only when they are clean, the multi-key rules (config-conflicts.ts), then a connection to
 * the database ("Could not connect to database. …" on connection.url) and, for a custom query, an
 * EXPLAIN of it (errors on query / query.masked).
 */
import type { ConfigValue } from '#lib/plugin/config-types';
import { ConfigException } from '#lib/plugin/config-exception';
import { createJdbcPool, withConnection } from '../connection/pg-pool';
import * as k from './config-keys';
import { configConflicts } from './config-conflicts';
import { parseJdbcSourceConfig, type JdbcSourceConfig } from './jdbc-source-config';
import { jdbcSourceConfigDef } from './jdbc-source-config-def';

const INVALID_QUERY =
  'The configured query is not valid and has database/connection errors. Please provide the correct query by validating the query syntax and the existing table/column names with the database being connected';

export async function validateJdbcSource(props: Readonly<Record<string, string | null>>): Promise<ConfigValue[]> {
  const values = jdbcSourceConfigDef().validateAll(props);
  const results = [...values.values()];
  if (results.some((v) => v.errorMessages.length > 0)) return results;
  const addError = (key: string, message: string): void => {
    values.get(key)?.errorMessages.push(message);
  };
  const strings = Object.fromEntries(Object.entries(props).filter((e): e is [string, string] => e[1] !== null));
  let config: JdbcSourceConfig;
  try {
    config = parseJdbcSourceConfig(strings);
  } catch (err) {
    // Only the enum-like keys without validators can fail here (quote method, isolation mode).
    const key = (err as Error).message.includes('QuoteMethod') ? k.QUOTE_SQL_IDENTIFIERS_CONFIG : k.TRANSACTION_ISOLATION_MODE_CONFIG;
    addError(key, (err as Error).message);
    return results;
  }
  const problems = configConflicts(config, strings[k.QUERY_CONFIG] ?? '', strings[k.QUERY_MASKED_CONFIG] ?? '');
  for (const { key, message } of problems) addError(key, message);
  if (problems.length === 0) await checkDatabase(config, addError);
  return results;
}

async function checkDatabase(config: JdbcSourceConfig, addError: (key: string, message: string) => void): Promise<void> {
  let jdbc;
  try {
    jdbc = createJdbcPool(config);
  } catch (err) {
    addError(k.CONNECTION_URL_CONFIG, err instanceof ConfigException ? err.message : `Could not connect to database. ${(err as Error).message}`);
    return;
  }
  try {
    await withConnection(jdbc, async (client) => {
      if (config.query === null) return;
      try {
        await client.query(`EXPLAIN ${config.query}`);
      } catch (err) {
        const state = (err as { code?: unknown }).code;
        addError(config.queryMasked ? k.QUERY_MASKED_CONFIG : k.QUERY_CONFIG, typeof state === 'string' ? `${INVALID_QUERY} (SQLState: ${state})` : INVALID_QUERY);
      }
    });
  } catch (err) {
    addError(k.CONNECTION_URL_CONFIG, `Could not connect to database. ${(err as Error).message}`);
  } finally {
    await jdbc.pool.end().catch(() => undefined);
  }
}
