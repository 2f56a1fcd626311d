/**
 * The resource-level name rules of Kafka's ConnectorsResource: POST trims the top-level name with
 * Java's String.trim, PUT uses the path name as is, and both insist that a `name` inside the config
 * equals it (inserting it when absent). Location headers carry the name as one encoded segment.
 */
import { BadRequestError } from '#lib/errors';
import type { RequestConfig } from '#lib/herder/types';
import { encodePathSegment } from '../path';
import type { RestSettings } from '../types';

/** Java's String.trim: strips every char ≤ U+0020 (control characters included) at both ends. */
export function javaTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end -= 1;
  return value.slice(start, end);
}

/** The config with `name` set to `name`; 400 if it already holds a different one. */
export function withConnectorName(name: string, config: RequestConfig): RequestConfig {
  const included = Object.hasOwn(config, 'name') ? config.name : null;
  if (included === null || included === undefined) return { ...config, name };
  if (included !== name) {
    throw new BadRequestError(`Connector name configuration (${included}) doesn't match connector name in the URL (${name})`);
  }
  return config;
}

export function connectorLocation(settings: RestSettings, name: string): string {
  return `${settings.advertisedUrl.replace(/\/+$/, '')}/connectors/${encodePathSegment(name)}`;
}
