/**
 * Reading the body of an endpoint that consumes JSON (Kafka's resources are all
 * `@Consumes(application/json)`): the Content-Type must be JSON when given (absent is accepted, as
 * Jersey does), the body must fit `maxBodyBytes`, and the text must be one JSON document.
 */
import { parseJson, type JsonNode } from './json-parser';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './rest-errors';
import type { ApiRequest } from './types';

/** The parsed body; `undefined` for an empty (or whitespace-only) body, which Jackson reads as null. */
export function readJsonBody(req: ApiRequest, maxBodyBytes: number): JsonNode | undefined {
  const contentType = req.headers['content-type']?.trim() ?? '';
  if (contentType !== '' && !isJsonMediaType(contentType)) throw new UnsupportedMediaTypeError();
  const body = req.body ?? '';
  if (Buffer.byteLength(body, 'utf8') > maxBodyBytes) throw new PayloadTooLargeError(maxBodyBytes);
  return parseJson(body);
}

/**
 * `application/json` and any `<type>/<subtype>+json`, parameters (charset…) allowed. Wildcards are
 * compatible with `application/json` in JAX-RS, so `*\/*` and `application/*` pass too.
 */
export function isJsonMediaType(contentType: string): boolean {
  const essence = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const [type, subtype, ...rest] = essence.split('/');
  if (type === undefined || subtype === undefined || rest.length > 0 || type === '' || subtype === '') return false;
  if (subtype === 'json' && (type === 'application' || type === '*')) return true;
  if (subtype.endsWith('+json')) return true;
  return subtype === '*' && (type === '*' || type === 'application');
}
