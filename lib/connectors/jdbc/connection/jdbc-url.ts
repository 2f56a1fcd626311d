/**
 * `connection.url` (pgjdbc's `jdbc:postgresql:` URLs) translated to node-postgres settings.
 * Forms: `jdbc:postgresql:db`, `jdbc:postgresql:/`, `jdbc:postgresql://host[:port][,host2…]/[db][?k=v&…]`
 * (IPv6 hosts in brackets). Only the first host is used. Parameters are URL-decoded and, as in
 * pgjdbc, win over `connection.user` / `connection.password`. Recognised parameters: user, password,
 * ssl, sslmode, sslrootcert, sslcert, sslkey, sslpassword, connectTimeout, loginTimeout,
 * socketTimeout, ApplicationName, currentSchema, options, tcpKeepAlive; others are ignored.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { ClientConfig } from 'pg';
import { ConfigException } from '#lib/plugin/config-exception';
import { CONNECTION_URL_CONFIG } from '../config/config-keys';

const PREFIX = 'jdbc:postgresql:';
/**
 * Session settings the value readers rely on (ISO dates, UTC timestamptz text, hex bytea, exact
 * floats), run as SET on every new connection rather than as startup options, which poolers such as
 * PgBouncer refuse.
 */
const SESSION_SETTINGS = [['DateStyle', 'ISO'], ['TimeZone', 'UTC'], ['IntervalStyle', 'postgres'], ['bytea_output', 'hex'], ['extra_float_digits', '3']] as const;
const RECOGNISED = new Set(['user', 'password', 'ssl', 'sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'sslpassword', 'connectTimeout', 'loginTimeout', 'socketTimeout', 'ApplicationName', 'currentSchema', 'options', 'tcpKeepAlive']);
/** pgjdbc's default connectTimeout (seconds). */
const DEFAULT_CONNECT_TIMEOUT_S = 10;

export interface PgConnectionSettings {
  config: ClientConfig;
  /** SQL to run first on every new connection. */
  sessionSql: string;
  /** host:port/database, for messages (never the password). */
  target: string;
  /** URL parameters lambda-connect does not use. */
  ignoredParameters: string[];
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith(PREFIX);
}

/** Which connector connects: it names the connector in messages and the default `application_name`. */
export type JdbcConnectorKind = 'source' | 'sink';

export function pgSettingsFromJdbcUrl(url: string, user: string | null, password: string | null, kind: JdbcConnectorKind = 'source'): PgConnectionSettings {
  if (!isPostgresUrl(url)) throw new ConfigException(CONNECTION_URL_CONFIG, url, `lambda-connect's JDBC ${kind} supports PostgreSQL only; the URL must start with ${PREFIX}`);
  const rest = url.slice(PREFIX.length);
  const queryAt = rest.indexOf('?');
  const params = parseParams(queryAt < 0 ? '' : rest.slice(queryAt + 1), url);
  const { host, port, database } = parseLocation(queryAt < 0 ? rest : rest.slice(0, queryAt), url);
  const effectiveUser = params.get('user') ?? user ?? undefined;
  const timeout = seconds(params.get('connectTimeout') ?? params.get('loginTimeout'), DEFAULT_CONNECT_TIMEOUT_S, url);
  const socketTimeout = seconds(params.get('socketTimeout'), 0, url);
  const settings: Array<readonly [string, string]> = [...SESSION_SETTINGS];
  const schema = params.get('currentSchema');
  if (schema !== undefined) settings.push(['search_path', schema]);
  const config: ClientConfig = {
    host,
    port,
    database: database ?? effectiveUser,
    user: effectiveUser,
    password: params.get('password') ?? password ?? undefined,
    connectionTimeoutMillis: timeout * 1000,
    application_name: params.get('ApplicationName') ?? `lambda-connect JDBC ${kind}`,
    options: params.get('options'),
    keepAlive: params.get('tcpKeepAlive') === 'true',
    ssl: sslSettings(params, url),
  };
  if (socketTimeout > 0) config.query_timeout = socketTimeout * 1000;
  const ignoredParameters = [...params.keys()].filter((name) => !RECOGNISED.has(name));
  const sessionSql = settings.map(([name, value]) => `SET ${name} = '${value.replace(/'/g, "''")}'`).join('; ');
  return { config, sessionSql, target: `${host.includes(':') ? `[${host}]` : host}:${port}/${config.database ?? ''}`, ignoredParameters };
}

function parseLocation(location: string, url: string): { host: string; port: number; database: string | undefined } {
  if (!location.startsWith('//')) return { host: 'localhost', port: 5432, database: emptyToUndefined(decode(location.replace(/^\//, ''), url)) };
  const afterSlashes = location.slice(2);
  const slash = afterSlashes.indexOf('/');
  const servers = slash < 0 ? afterSlashes : afterSlashes.slice(0, slash);
  const database = slash < 0 ? undefined : emptyToUndefined(decode(afterSlashes.slice(slash + 1), url));
  const first = servers.split(',')[0] ?? '';
  const match = /^(?:\[([^\]]+)\]|([^:]*))(?::(\d*))?$/.exec(first);
  if (!match) throw new ConfigException(CONNECTION_URL_CONFIG, url, 'Invalid host in the JDBC URL');
  const host = match[1] ?? match[2] ?? '';
  const port = match[3] ? Number(match[3]) : 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigException(CONNECTION_URL_CONFIG, url, 'Invalid port number in the JDBC URL');
  return { host: host === '' ? 'localhost' : host, port, database };
}

function parseParams(query: string, url: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    params.set(decode(eq < 0 ? pair : pair.slice(0, eq), url), eq < 0 ? '' : decode(pair.slice(eq + 1), url));
  }
  return params;
}

/** java.net.URLDecoder: `+` is a space. */
function decode(text: string, url: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new ConfigException(CONNECTION_URL_CONFIG, url, 'Malformed percent-encoding in the JDBC URL');
  }
}

function seconds(value: string | undefined, fallback: number, url: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new ConfigException(CONNECTION_URL_CONFIG, url, `Invalid timeout '${value}' in the JDBC URL`);
  return n;
}

/** pgjdbc's sslmode; `ssl=true` means verify-full. disable/allow/prefer connect without TLS. */
function sslSettings(params: Map<string, string>, url: string): ClientConfig['ssl'] {
  const mode = params.get('sslmode') ?? (params.get('ssl') === 'true' || params.get('ssl') === '' ? 'verify-full' : 'prefer');
  if (mode === 'disable' || mode === 'allow' || mode === 'prefer') return false;
  if (mode !== 'require' && mode !== 'verify-ca' && mode !== 'verify-full') throw new ConfigException(CONNECTION_URL_CONFIG, url, `Invalid sslmode value: ${mode}`);
  const tls: ConnectionOptions = { rejectUnauthorized: mode !== 'require' };
  if (mode === 'verify-ca') tls.checkServerIdentity = () => undefined;
  const file = (name: string): string | undefined => {
    const path = params.get(name);
    if (path === undefined) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigException(CONNECTION_URL_CONFIG, url, `Cannot read ${name} file ${path}: ${(err as Error).message}`);
    }
  };
  const [ca, cert, key] = [file('sslrootcert'), file('sslcert'), file('sslkey')];
  if (ca !== undefined) tls.ca = ca;
  if (cert !== undefined) tls.cert = cert;
  if (key !== undefined) tls.key = key;
  const passphrase = params.get('sslpassword');
  if (passphrase !== undefined) tls.passphrase = passphrase;
  return tls;
}

function emptyToUndefined(value: string): string | undefined {
  return value === '' ? undefined : value;
}
