import { describe, expect, it } from 'vitest';
import { translatePgError } from '#lib/connectors/jdbc/connection/pg-errors';
import { DataError, InternalError, InvalidConfigError, RetriableError } from '#lib/errors';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('translatePgError', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), RetriableError],
    ['a dropped connection', new Error('Connection terminated unexpectedly'), RetriableError],
    ['an admin shutdown', pgError('57P01', 'terminating connection due to administrator command'), RetriableError],
    ['a serialization failure', pgError('40001', 'could not serialize access'), RetriableError],
    ['too many connections', pgError('53300', 'sorry, too many clients already'), RetriableError],
    ['an unknown column', pgError('42703', 'column "x" does not exist'), InvalidConfigError],
    ['a wrong password', pgError('28P01', 'password authentication failed'), InvalidConfigError],
    ['a missing database', pgError('3D000', 'database "x" does not exist'), InvalidConfigError],
    ['bad data', pgError('22007', 'invalid datetime format'), DataError],
    ['anything else', new Error('boom'), InternalError],
  ])('classifies %s', (_what, error, type) => {
    expect(translatePgError(error, 'Failed')).toBeInstanceOf(type);
  });

  it('says what failed and gives the SQLState', () => {
    expect(translatePgError(pgError('42P01', 'relation "t" does not exist'), 'Failed to query table public.t').message).toBe(
      'Failed to query table public.t: relation "t" does not exist (SQLState: 42P01). Check the connector configuration (tables, columns, query, credentials).',
    );
  });
});
