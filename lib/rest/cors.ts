/**
 * CORS as Kafka configures Jetty's CrossOriginFilter: on only when `access.control.allow.origin` is
 * set; the Origin header must match an allowed origin (`*` = any; `*` inside an entry is a wildcard);
 * the matching origin is echoed with credentials allowed. A preflight (OPTIONS with
 * Access-Control-Request-Method) also gets methods, headers and max-age, but only when the requested
 * method and headers are allowed. The filter then passes the request on (Jetty's chainPreflight), so
 * the route's own answer (200 to OPTIONS on a known path, 404 otherwise) carries these headers.
 */
import type { ApiRequest, RestSettings } from './types';

const DEFAULT_ALLOWED_METHODS = 'GET,POST,HEAD';
const ALLOWED_HEADERS = ['X-Requested-With', 'Content-Type', 'Accept', 'Origin'];
const PREFLIGHT_MAX_AGE_SECONDS = '1800';

export function corsHeaders(req: ApiRequest, settings: RestSettings): Record<string, string> {
  const allowedOrigins = splitList(settings.allowOrigin);
  const origin = req.headers.origin;
  if (allowedOrigins.length === 0 || origin === undefined) return {};
  const anyOrigin = allowedOrigins.includes('*');
  if (!anyOrigin && !originMatches(origin, allowedOrigins)) return {};
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': origin };
  if (!anyOrigin) headers.Vary = 'Origin';
  headers['Access-Control-Allow-Credentials'] = 'true';

  const requestedMethod = req.headers['access-control-request-method'];
  if (req.method !== 'OPTIONS' || requestedMethod === undefined) return headers;
  const methods = splitList(settings.allowMethods.trim() === '' ? DEFAULT_ALLOWED_METHODS : settings.allowMethods);
  if (!methods.includes(requestedMethod.trim())) return {};
  const requestedHeaders = splitList(req.headers['access-control-request-headers'] ?? '');
  const allowed = new Set(ALLOWED_HEADERS.map((h) => h.toLowerCase()));
  if (!requestedHeaders.every((h) => allowed.has(h.toLowerCase()))) return {};
  return {
    ...headers,
    'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
    'Access-Control-Allow-Methods': methods.join(','),
    'Access-Control-Allow-Headers': ALLOWED_HEADERS.join(','),
  };
}

/** The Origin header may list several origins separated by spaces; one match is enough. */
function originMatches(originHeader: string, allowedOrigins: readonly string[]): boolean {
  const origins = originHeader.split(' ').filter((o) => o.trim() !== '');
  return origins.some((origin) => allowedOrigins.some((allowed) => matchesAllowed(origin, allowed)));
}

function matchesAllowed(origin: string, allowed: string): boolean {
  if (!allowed.includes('*')) return origin === allowed;
  const pattern = allowed.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}$`).test(origin);
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
