/**
 * node-postgres errors as ConnectErrors, so runners decide on `retriable` alone: the database being
 * unreachable, restarting, overloaded, or a transaction that lost a race is a RetriableError; an
 * error the configuration causes (unknown table or column, bad SQL, no permission, wrong password,
 * missing database) is an InvalidConfigError; a value that cannot be read is a DataError.
 */
import { ConnectError, DataError, InternalError, InvalidConfigError, RetriableError } from '#lib/errors';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'ENETDOWN', 'EHOSTDOWN']);
/** node-postgres reports lost or timed-out connections with plain Errors and these messages. */
const CONNECTION_MESSAGES = [/^Connection terminated/, /^timeout expired$/, /^Query read timeout$/, /^Client has encountered a connection error/, /^Connection ended unexpectedly/];
/** SQLSTATEs worth retrying: connection exceptions, resources, shutdown, serialization/deadlock, lock timeout, cancel, system errors. */
const RETRIABLE_STATES = [/^08/, /^53/, /^57P0[1-4]$/, /^40001$/, /^40P01$/, /^55P03$/, /^57014$/, /^58/];
/** Caused by the configuration: syntax/access rules, authorization, unknown database or schema. */
const CONFIG_STATES = [/^42/, /^28/, /^3D/, /^3F/, /^0A/];

interface PgLikeError {
  code?: unknown;
  message: string;
}

/** The ConnectError for a failure while doing `what` (e.g. `Failed to query table "public"."t"`). */
export function translatePgError(err: unknown, what: string): ConnectError {
  if (err instanceof ConnectError) return err;
  const error = err instanceof Error ? (err as Error & PgLikeError) : new Error(String(err));
  const code = typeof (error as PgLikeError).code === 'string' ? ((error as PgLikeError).code as string) : undefined;
  const state = code !== undefined && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  const suffix = state === undefined ? '' : ` (SQLState: ${state})`;
  const message = `${what}: ${error.message}${suffix}`;
  if ((code !== undefined && NETWORK_CODES.has(code)) || CONNECTION_MESSAGES.some((re) => re.test(error.message))) return new RetriableError(message, { cause: err });
  if (state === undefined) return new InternalError(message, { cause: err });
  if (RETRIABLE_STATES.some((re) => re.test(state))) return new RetriableError(message, { cause: err });
  if (CONFIG_STATES.some((re) => re.test(state))) return new InvalidConfigError(`${message}. Check the connector configuration (tables, columns, query, credentials).`, { cause: err });
  if (state.startsWith('22')) return new DataError(message, { cause: err });
  return new InternalError(message, { cause: err });
}
