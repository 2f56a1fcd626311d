import { describe, expect, it, vi } from 'vitest';
import type { ConnectError } from '#lib/errors';
import { AlreadyExistsError, BadRequestError, ConflictError, ForbiddenError, InvalidConfigError, NotFoundError, RetriableError } from '#lib/errors';
import { errorResponse } from '#lib/rest/http-errors';
import { MethodNotAllowedError, PayloadTooLargeError, UnsupportedMediaTypeError } from '#lib/rest/rest-errors';

const log = () => ({ error: vi.fn(), warn: vi.fn() });

describe('errorResponse', () => {
  it.each<[ConnectError, number]>([
    [new NotFoundError('m'), 404],
    [new AlreadyExistsError('m'), 409],
    [new ConflictError('m'), 409],
    [new BadRequestError('m'), 400],
    [new InvalidConfigError('m'), 400],
    [new ForbiddenError('m'), 403],
    [new UnsupportedMediaTypeError(), 415],
    [new PayloadTooLargeError(10), 413],
    [new RetriableError('m'), 500],
  ])('maps %s to %i with error_code equal to the status', (err, status) => {
    const res = errorResponse(err, log());
    expect(res.statusCode).toBe(status);
    expect(res.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(res.body ?? '')).toEqual({ error_code: status, message: err.message });
  });

  it('adds the Allow header to 405', () => {
    expect(errorResponse(new MethodNotAllowedError(['GET', 'OPTIONS']), log()).headers.Allow).toBe('GET,OPTIONS');
  });

  it('answers a thrown non-Error with a generic 500', () => {
    const logger = log();
    const res = errorResponse('oops', logger);
    expect(JSON.parse(res.body ?? '')).toEqual({ error_code: 500, message: 'HTTP 500 Internal Server Error' });
    expect(logger.error).toHaveBeenCalledWith(expect.any(String), { error: 'oops' });
  });
});
