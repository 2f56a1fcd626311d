/**
 * `String.valueOf(record.value())` as Kafka's FileStreamSinkTask prints it through `println`, for
 * the values converters produce: numbers as their schema's Java type (`1.0` for FLOAT64), structs
 * by `Struct.toString`, lists as `[a, b]`, maps as `{k=v, k2=v2}` in java.util.HashMap order (the
 * map JsonConverter builds), dates as `java.util.Date.toString()` in UTC (a Lambda's zone), null
 * as `null`. Bytes are decoded as UTF-8 where Java prints an identity hash (`[B@1b6d3586`).
 */
import { javaHashMapOrder } from '#lib/plugin/java-hash-order';
import type { Schema } from '#lib/data/schema';
import { javaToString } from '#lib/converters/java-to-string';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function javaValueString(schema: Schema | null | undefined, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return javaToString(schema, value);
  if (typeof value !== 'object') return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  if (value instanceof Date) return javaDateString(value);
  if (Array.isArray(value)) return `[${value.map((item) => javaValueString(schema?.type === 'ARRAY' ? schema.valueSchema : undefined, item)).join(', ')}]`;
  if (value instanceof Map) return javaMapString(schema, value);
  return String(value);
}

function javaMapString(schema: Schema | null | undefined, map: Map<unknown, unknown>): string {
  const keySchema = schema?.type === 'MAP' ? schema.keySchema : undefined;
  const valueSchema = schema?.type === 'MAP' ? schema.valueSchema : undefined;
  const keys = [...map.keys()];
  const ordered = keys.every((k): k is string => typeof k === 'string') ? javaHashMapOrder(keys) : keys;
  return `{${ordered.map((k) => `${javaValueString(keySchema, k)}=${javaValueString(valueSchema, map.get(k))}`).join(', ')}}`;
}

/** `EEE MMM dd HH:mm:ss zzz yyyy` in UTC. */
function javaDateString(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const pad = (n: number): string => String(n).padStart(2, '0');
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${clock} UTC ${date.getUTCFullYear()}`;
}
