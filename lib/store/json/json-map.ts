/**
 * How connector-defined maps (source partitions, offsets, status extras) are stored by every adapter:
 * as canonical JSON text (sorted keys, bigint-safe). A partition's text is its identity, so `{a:1,b:2}`
 * and `{b:2,a:1}` address the same offset; integers beyond 2^53 survive the round trip as bigints.
 */
import { DataError } from '#lib/errors';
import { canonicalJson, isPlainObject } from '#lib/store/json/canonical-json';
import { parsePreciseJson } from '#lib/store/json/precise-json-parse';

export function encodeJsonMap(map: Record<string, unknown>, what: string): string {
  if (!isPlainObject(map)) throw new DataError(`${what} must be a map`);
  return canonicalJson(map);
}

export function decodeJsonMap(text: string): Record<string, unknown> {
  const value = parsePreciseJson(text);
  if (!isPlainObject(value)) throw new DataError('Stored value is not a JSON object');
  return value;
}
