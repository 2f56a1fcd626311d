/**
 * A lenient JSON rendering of Connect data for source records that failed before (or during)
 * conversion, so their DLQ record still shows the data: structs and maps as objects, bytes as
 * base64, 64-bit integers as numbers when exact (else strings), dates as epoch milliseconds,
 * decimals as strings. Never throws on any value a connector can produce.
 */
import { BigDecimal } from '#lib/data/big-decimal';
import { Struct } from '#lib/data/struct';

const encoder = new TextEncoder();

/** UTF-8 JSON of a Connect value; null stays null (a tombstone stays a tombstone). */
export function renderAsJsonBytes(value: unknown): Uint8Array | null {
  return value === null || value === undefined ? null : encoder.encode(JSON.stringify(toJsonValue(value, new Set())));
}

function toJsonValue(value: unknown, seen: Set<unknown>): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    if (value instanceof Date) return value.getTime();
    if (value instanceof BigDecimal) return value.toString();
    if (value instanceof Struct) return Object.fromEntries(value.schema.fields.map((f) => [f.name, toJsonValue(value.get(f.name), seen)]));
    if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(toJsonValue(k, seen)), toJsonValue(v, seen)]));
    if (Array.isArray(value)) return value.map((v) => toJsonValue(v, seen));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v, seen)]));
  } finally {
    seen.delete(value);
  }
}
