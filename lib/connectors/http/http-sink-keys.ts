/**
 * Key names of lambda-connect's HTTP sink; where Confluent's HTTP Sink has a key for the same
 * thing, the name (and its value syntax) is Confluent's.
 */
export const HTTP_SINK_CONNECTOR = 'io.lambdaconnect.connect.http.HttpSinkConnector';
export const HTTP_SINK_TASK = 'io.lambdaconnect.connect.http.HttpSinkTask';
export const HTTP_SINK_VERSION = '1.0.0';

export const HTTP_API_URL_CONFIG = 'http.api.url';
export const REQUEST_METHOD_CONFIG = 'request.method';
export const HEADERS_CONFIG = 'headers';
export const HEADER_SEPARATOR_CONFIG = 'header.separator';
export const AUTH_TYPE_CONFIG = 'auth.type';
export const CONNECTION_USER_CONFIG = 'connection.user';
export const CONNECTION_PASSWORD_CONFIG = 'connection.password';
export const REQUEST_TIMEOUT_MS_CONFIG = 'http.request.timeout.ms';
export const REQUEST_BODY_FORMAT_CONFIG = 'request.body.format';
export const BATCH_MAX_SIZE_CONFIG = 'batch.max.size';
export const BEHAVIOR_ON_NULL_VALUES_CONFIG = 'behavior.on.null.values';
export const MAX_RETRIES_CONFIG = 'max.retries';
export const RETRY_BACKOFF_MS_CONFIG = 'retry.backoff.ms';

export const CONNECTION_GROUP = 'Connection';
export const REQUEST_GROUP = 'Request';
export const BATCHING_GROUP = 'Batching';
export const RETRIES_GROUP = 'Retries';

export const REQUEST_METHODS = ['POST', 'PUT', 'PATCH'] as const;
export type RequestMethod = (typeof REQUEST_METHODS)[number];
export const AUTH_TYPES = ['NONE', 'BASIC'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];
export const NULL_VALUE_BEHAVIORS = ['ignore', 'log', 'fail'] as const;
export type NullValueBehavior = (typeof NULL_VALUE_BEHAVIORS)[number];

/** The placeholder http.api.url may contain; records are then sent per topic. */
export const TOPIC_PLACEHOLDER = '${topic}';
