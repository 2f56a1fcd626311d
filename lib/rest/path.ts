/**
 * Path handling. Routing works on the raw (percent-encoded) path, so `%2F` inside a segment stays
 * part of that segment; each path parameter is then percent-decoded on its own (`a%2Fb` → `a/b`).
 */
import { BadRequestError } from '#lib/errors';

/** The raw segments of a path; one trailing `/` is ignored, as Jersey matches `/connectors/` too. */
export function splitPath(rawPath: string): string[] {
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed === '' ? [] : trimmed.split('/');
}

export function decodePathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BadRequestError(`Invalid percent-encoding in path segment '${raw}'`);
  }
}

/** Encodes a value as one path segment (also `/` and `%`), so that it decodes back to the value. */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
