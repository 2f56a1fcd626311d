/**
 * The JDBC sink's failures, by what the task does with them: a TableAlterOrCreateError (missing
 * table or columns that may not be created) and a SqlWriteError (the database rejected a statement
 * for its data: constraint, type, value) fail the batch but can be routed record by record to the
 * errant record reporter; a RetriableError (connection lost, deadlock, …) is worth retrying; any
 * other ConnectError (bad record shape, unsupported type) fails the task, as in Confluent's.
 */
import { ConnectError, DataError, type ConnectErrorOptions } from '#lib/errors';
import { translatePgError } from '../connection/pg-errors';

/** Confluent's TableAlterOrCreateException. */
export class TableAlterOrCreateError extends DataError {}

/** A statement the database refused because of the data written (Confluent's SQLException after retries). */
export class SqlWriteError extends DataError {
  constructor(
    message: string,
    readonly sqlState: string | undefined,
    options?: ConnectErrorOptions,
  ) {
    super(message, options);
  }
}

/** Java's `List.toString()`. */
export function javaList(items: Iterable<unknown>): string {
  return `[${[...items].map(String).join(', ')}]`;
}

/**
 * The sink's error for a failed database call: a ConnectError from our own checks unchanged, a
 * RetriableError when translatePgError deems it transient, a SqlWriteError (with the database's
 * message and SQLSTATE) for any other error the database reported, else translatePgError's.
 */
export function sinkWriteError(err: unknown, what: string): ConnectError {
  if (err instanceof ConnectError) return err;
  const translated = translatePgError(err, what);
  const code = (err as { code?: unknown } | null)?.code;
  if (translated.retriable || typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return translated;
  const detail = (err as { detail?: unknown }).detail;
  return new SqlWriteError(typeof detail === 'string' ? `${translated.message} Detail: ${detail}` : translated.message, code, { cause: err });
}
