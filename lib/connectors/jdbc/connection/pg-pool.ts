/**
 * The connection pool of a JDBC connector or task, source or sink: one connection (statements of a
 * task run one after another, as on Confluent's single cached connection), reconnected after a
 * failure, closed by `end()` on stop. The source reads query results as raw text (RAW_TEXT_TYPES)
 * so its value readers convert every type themselves (schema/value-readers.ts).
 */
import pg from 'pg';
import { createLogger } from '#lib/logging/logger';
import { pgSettingsFromJdbcUrl, type JdbcConnectorKind } from './jdbc-url';

const log = createLogger('io.confluent.connect.jdbc.util.CachedConnectionProvider');
const IDLE_TIMEOUT_MS = 30_000;

/** Every column as its text form (or null). */
export const RAW_TEXT_TYPES = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

export interface JdbcPool {
  readonly pool: pg.Pool;
  /** host:port/database, for messages. */
  readonly target: string;
}

/** The connection keys both JDBC connectors have. */
export interface JdbcConnectionConfig {
  connectionUrl: string;
  user: string | null;
  password: string | null;
}

export function createJdbcPool(config: JdbcConnectionConfig, max = 1, kind: JdbcConnectorKind = 'source'): JdbcPool {
  const settings = pgSettingsFromJdbcUrl(config.connectionUrl, config.user, config.password, kind);
  if (settings.ignoredParameters.length > 0) log.info(`Ignoring JDBC URL parameters lambda-connect does not use: ${settings.ignoredParameters.join(', ')}`);
  const pool = new pg.Pool({ ...settings.config, max, idleTimeoutMillis: IDLE_TIMEOUT_MS, allowExitOnIdle: true });
  // A connection that drops emits 'error' on its client (and, while idle, on the pool) besides
  // failing any pending query; an event nobody listens to would crash the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn(`Database connection to ${settings.target} failed`, { error: err }));
    // A client runs queries in order, so these settings apply before anything the caller sends.
    void client.query(settings.sessionSql).catch((err: unknown) => log.warn('Could not apply session settings', { error: err }));
  });
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
