/**
 * Errors only the REST layer raises: the JAX-RS WebApplicationExceptions Jersey throws before a
 * resource method runs. Their messages are Jersey's defaults (`HTTP <status> <reason>`).
 */
import { ConnectError, NotFoundError } from '#lib/errors';

/** Jersey's NotFoundException for a path no resource matches (or a path parameter it cannot convert). */
export class RouteNotFoundError extends NotFoundError {
  constructor() {
    super('HTTP 404 Not Found');
  }
}

/** A known path asked with a method it does not support; `allow` feeds the `Allow` header. */
export class MethodNotAllowedError extends ConnectError {
  readonly allow: readonly string[];

  constructor(allow: readonly string[]) {
    super('METHOD_NOT_ALLOWED', 'HTTP 405 Method Not Allowed');
    this.allow = allow;
  }
}

/** A body whose Content-Type is not JSON, sent to an endpoint that consumes JSON. */
export class UnsupportedMediaTypeError extends ConnectError {
  constructor() {
    super('UNSUPPORTED_MEDIA_TYPE', 'HTTP 415 Unsupported Media Type');
  }
}

/** A body over `RestSettings.maxBodyBytes` (a limit Kafka does not have). */
export class PayloadTooLargeError extends ConnectError {
  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `HTTP 413 Request Entity Too Large: the request body exceeds ${limit} bytes`);
  }
}
