/**
 * The REST layer's own request and response: what `createRestApi` consumes and produces. Adapters
 * (API Gateway v2, the standalone HTTP server) translate to and from these, so every transport gets
 * exactly the same routing, parsing and error mapping.
 */
import type { Herder } from '#lib/herder/types';

export interface ApiRequest {
  method: string;
  /** Raw, percent-encoded path without the query string, e.g. `/connectors/my%20sink/status`. */
  path: string;
  /** Raw query string without `?`, still percent-encoded. */
  rawQuery: string;
  /** Header names in lower case; repeated headers joined with `,`. */
  headers: Record<string, string>;
  /** The body as text (UTF-8 decoded). */
  body?: string;
}

export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: string;
}

export interface RestSettings {
  /** Kafka's `access.control.allow.origin`: comma list, `*` allowed; '' turns CORS off. */
  allowOrigin: string;
  /** Kafka's `access.control.allow.methods`; '' means Jetty's default `GET,POST,HEAD`. */
  allowMethods: string;
  /** Larger request bodies are refused with 413 (Kafka has no limit; 1 MiB is our default). */
  maxBodyBytes: number;
  /** Base of `Location` headers, e.g. `http://127.0.0.1:8083` (a trailing `/` is ignored). */
  advertisedUrl: string;
  /** False when Kafka's `admin.listeners` is set to '': `/admin/*` then answers 404. */
  adminEnabled: boolean;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The subset of a logger the REST layer needs; `#lib/logging` loggers satisfy it. */
export interface RestLogger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface RestDeps {
  herder: Herder;
  settings: RestSettings;
  log?: RestLogger;
  /** What `GET /health` probes; defaults to listing connectors (which reads the config store). */
  healthCheck?: () => Promise<unknown>;
  /** How long `GET /health` waits before answering 503 "starting" (Kafka: 10 s). */
  healthTimeoutMs?: number;
}

export interface RestApi {
  /** Never rejects: every failure becomes an error response. */
  handle(req: ApiRequest): Promise<ApiResponse>;
}
