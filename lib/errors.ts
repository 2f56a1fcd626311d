/**
 * The error hierarchy of lambda-connect. Every error the core raises is a ConnectError with a stable
 * `code`; `lib/rest/http-errors.ts` is the one place that turns codes into HTTP statuses and Kafka
 * Connect's `{error_code, message}` bodies. Runners decide retry vs FAILED from `retriable`, never
 * from message text.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'INVALID_CONFIG'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'METHOD_NOT_ALLOWED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL'
  | 'STORE_UNAVAILABLE'
  | 'DATA'
  | 'RETRIABLE';

export interface ConnectErrorOptions {
  retriable?: boolean;
  cause?: unknown;
}

export class ConnectError extends Error {
  readonly code: ErrorCode;
  readonly retriable: boolean;

  constructor(code: ErrorCode, message: string, options: ConnectErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = options.retriable ?? false;
  }
}

/** 404: a connector, task, plugin, logger or route that does not exist. */
export class NotFoundError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('NOT_FOUND', message, options);
  }
}

/** 409: creating something that already exists. */
export class AlreadyExistsError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('ALREADY_EXISTS', message, options);
  }
}

/** 409: a concurrent change won; the caller may retry. */
export class ConflictError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('CONFLICT', message, { retriable: true, ...options });
  }
}

/** 400: the request itself is wrong. */
export class BadRequestError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('BAD_REQUEST', message, options);
  }
}

/** 400: a connector configuration failed validation. */
export class InvalidConfigError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('INVALID_CONFIG', message, options);
  }
}

/** 403: the operation is disabled by worker configuration. */
export class ForbiddenError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('FORBIDDEN', message, options);
  }
}

/** 500: something failed that the caller cannot fix (Kafka answers 500 for these too). */
export class InternalError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('INTERNAL', message, options);
  }
}

/** A storage backend could not be reached or throttled us; worth retrying. */
export class StoreUnavailableError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('STORE_UNAVAILABLE', message, { retriable: true, ...options });
  }
}

/** Data that cannot be converted or transformed (Kafka's DataException). */
export class DataError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('DATA', message, options);
  }
}

/** A transient failure (Kafka's RetriableException). */
export class RetriableError extends ConnectError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super('RETRIABLE', message, { ...options, retriable: true });
  }
}

export function isConnectError(err: unknown): err is ConnectError {
  return err instanceof ConnectError;
}
