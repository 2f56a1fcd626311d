/**
 * The connection pool of a JDBC connector or task: one connection (queries of a task run one after
 * another, as on Confluent's single cached connection), reconnected after a failure, closed by
 * `end()` on stop. Query results come back as arrays of raw text so the value readers convert
 * every type themselves (schema/value-readers.ts).
 */
import pg from 'pg';
import { createLogger } from '#lib/logging/logger';
import type { JdbcSourceConfig } from '../config/jdbc-source-config';
import { pgSettingsFromJdbcUrl } from './jdbc-url';

const log = createLogger('io.confluent.connect.jdbc.util.CachedConnectionProvider');
const IDLE_TIMEOUT_MS = 30_000;

/** Every column as its text form (or null). */
export const RAW_TEXT_TYPES = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

export interface JdbcPool {
  readonly pool: pg.Pool;
  /** host:port/database, for messages. */
  readonly target: string;
}

export function createJdbcPool(config: Pick<JdbcSourceConfig, 'connectionUrl' | 'user' | 'password'>, max = 1): JdbcPool {
  const settings = pgSettingsFromJdbcUrl(config.connectionUrl, config.user, config.password);
  if (settings.ignoredParameters.length > 0) log.info(`Ignoring JDBC URL parameters lambda-connect does not use: ${settings.ignoredParameters.join(', ')}`);
  const pool = new pg.Pool({ ...settings.config, max, idleTimeoutMillis: IDLE_TIMEOUT_MS, allowExitOnIdle: true });
  // An idle connection that drops emits 'error' on the pool; without a listener that would crash the process.
  pool.on('error', (err) => log.warn(`Idle database connection to ${settings.target} failed`, { error: err }));
  // A client runs queries in order, so these settings apply before anything the caller sends.
  pool.on('connect', (client) => void client.query(settings.sessionSql).catch((err: unknown) => log.warn('Could not apply session settings', { error: err })));
  return { pool, target: settings.target };
}

/** Runs `fn` on a pooled connection; a connection that failed is discarded instead of reused. */
export async function withConnection<T>(jdbc: JdbcPool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await jdbc.pool.connect();
  try {
    const result = await fn(client);
    client.release();
    return result;
  } catch (err) {
    client.release(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
}
