/**
 * The request body of a batch: `[v1,v2,…]`, each record value as Kafka's JsonConverter writes it
 * with `schemas.enable=false` and `decimal.format=NUMERIC` — Structs and string-keyed maps as
 * objects, bytes as base64, INT64 and Decimal as exact JSON numbers, Date/Time/Timestamp as
 * Kafka's integers. Values are converted once, records that cannot be are reported by the caller.
 */
import type { SinkRecord } from '#lib/data/connect-record';
import { JsonConverter } from '#lib/converters/json/json-converter';

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

export type ValueJson = (record: SinkRecord) => Uint8Array;

export function valueJsonWriter(): ValueJson {
  const converter = new JsonConverter();
  converter.configure({ 'schemas.enable': 'false', 'decimal.format': 'NUMERIC' }, false);
  return (record) => converter.fromConnectData(record.topic, record.headers, record.valueSchema, record.value) ?? Buffer.from('null');
}

export function jsonArray(values: readonly Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [OPEN];
  values.forEach((value, i) => parts.push(...(i === 0 ? [value] : [COMMA, value])));
  parts.push(CLOSE);
  return Buffer.concat(parts);
}
