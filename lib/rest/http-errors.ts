/**
 * The one place that turns errors into HTTP responses, as Kafka's ConnectExceptionMapper does:
 * a ConnectError answers with its code's status and its own message (Kafka shows 5xx messages too);
 * anything else is unexpected, so it is logged and answered with a generic 500.
 */
import { isConnectError, type ErrorCode } from '#lib/errors';
import { jsonResponse } from './json-response';
import { MethodNotAllowedError } from './rest-errors';
import type { ApiResponse, RestLogger } from './types';

export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  INVALID_CONFIG: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  // Kafka's DataException and RetriableException are plain ConnectExceptions there: 500.
  DATA: 500,
  RETRIABLE: 500,
  // A store we cannot reach: the request may well succeed later, which 503 tells clients.
  STORE_UNAVAILABLE: 503,
};

export const GENERIC_500_MESSAGE = 'HTTP 500 Internal Server Error';

/** Kafka's ErrorMessage entity. */
export function errorBody(statusCode: number, message: string): { error_code: number; message: string } {
  return { error_code: statusCode, message };
}

export function errorResponse(err: unknown, log: RestLogger, context: Record<string, unknown> = {}): ApiResponse {
  if (!isConnectError(err)) {
    log.error('Unhandled error while serving a REST request', { ...context, ...describeError(err) });
    return jsonResponse(500, errorBody(500, GENERIC_500_MESSAGE));
  }
  // `?? 500`: a code added to lib/errors.ts at runtime without a row here must not break the response.
  const statusCode = STATUS_BY_CODE[err.code] ?? 500;
  if (statusCode >= 500) log.error('REST request failed', { ...context, ...describeError(err) });
  const headers: Record<string, string> = err instanceof MethodNotAllowedError ? { Allow: err.allow.join(',') } : {};
  return jsonResponse(statusCode, errorBody(statusCode, err.message), headers);
}

function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const code = isConnectError(err) ? { code: err.code } : {};
  return { error: err.message, errorName: err.name, ...code, stack: err.stack };
}
