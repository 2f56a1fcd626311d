/**
 * The HTTP sink config, parsed once: the request every batch is sent with (method, headers with
 * Content-Type and Basic authentication added) and the batching and retry settings.
 */
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigException } from '#lib/plugin/config-exception';
import * as k from './http-sink-keys';
import { httpSinkConfigDef } from './http-sink-config-def';
import { parseHeaders } from './request-headers';

export interface HttpSinkConfig {
  /** May contain `${topic}`. */
  url: string;
  method: k.RequestMethod;
  /** Every header of a request, Content-Type and Authorization included. */
  headers: Readonly<Record<string, string>>;
  requestTimeoutMs: number;
  batchMaxSize: number;
  nullValues: k.NullValueBehavior;
  maxRetries: number;
  retryBackoffMs: number;
}

export function parseHttpSinkConfig(props: Readonly<Record<string, string>>): HttpSinkConfig {
  const c = new AbstractConfig(httpSinkConfigDef(), props);
  const headers: Record<string, string> = {};
  for (const [name, value] of parseHeaders(c.getString(k.HEADERS_CONFIG) ?? '', c.getString(k.HEADER_SEPARATOR_CONFIG) ?? '|')) headers[name] = value;
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  if ((c.getString(k.AUTH_TYPE_CONFIG) ?? 'NONE').toUpperCase() === 'BASIC') {
    const user = c.getString(k.CONNECTION_USER_CONFIG);
    if (user === null) throw new ConfigException(k.CONNECTION_USER_CONFIG, null, 'Must be set when auth.type is BASIC');
    const password = c.getPassword(k.CONNECTION_PASSWORD_CONFIG)?.value() ?? '';
    headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
  }
  return {
    url: c.getString(k.HTTP_API_URL_CONFIG) ?? '',
    method: (c.getString(k.REQUEST_METHOD_CONFIG) ?? 'POST').toUpperCase() as k.RequestMethod,
    headers,
    requestTimeoutMs: c.getNumber(k.REQUEST_TIMEOUT_MS_CONFIG) ?? 30000,
    batchMaxSize: c.getNumber(k.BATCH_MAX_SIZE_CONFIG) ?? 500,
    nullValues: (c.getString(k.BEHAVIOR_ON_NULL_VALUES_CONFIG) ?? 'ignore').toLowerCase() as k.NullValueBehavior,
    maxRetries: c.getNumber(k.MAX_RETRIES_CONFIG) ?? 5,
    retryBackoffMs: c.getNumber(k.RETRY_BACKOFF_MS_CONFIG) ?? 500,
  };
}
