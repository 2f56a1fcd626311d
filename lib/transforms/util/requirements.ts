/**
 * Kafka's `transforms.util.Requirements`: the checks every transformation makes on its input, with
 * Kafka's DataException messages (`Only Map objects supported in absence of schema for [<purpose>],
 * found: <class>`). Schemaless maps are JS `Map`s with string keys, as the JsonConverter produces them.
 */
import { javaClassName } from '#lib/data/java-class';
import type { ConnectRecord, SinkRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import { Struct } from '#lib/data/struct';
import { DataError } from '#lib/errors';

/** A schemaless record key or value that holds named fields. */
export type FieldMap = Map<string, unknown>;

export function requireSchema(schema: Schema | null | undefined, purpose: string): Schema {
  if (schema === null || schema === undefined) throw new DataError(`Schema required for [${purpose}]`);
  return schema;
}

export function requireMap(value: unknown, purpose: string): FieldMap {
  if (!(value instanceof Map)) {
    throw new DataError(`Only Map objects supported in absence of schema for [${purpose}], found: ${nullSafeClassName(value)}`);
  }
  return value as FieldMap;
}

export function requireMapOrNull(value: unknown, purpose: string): FieldMap | null {
  return value === null || value === undefined ? null : requireMap(value, purpose);
}

export function requireStruct(value: unknown, purpose: string): Struct {
  if (!(value instanceof Struct)) throw new DataError(`Only Struct objects supported for [${purpose}], found: ${nullSafeClassName(value)}`);
  return value;
}

export function requireStructOrNull(value: unknown, purpose: string): Struct | null {
  return value === null || value === undefined ? null : requireStruct(value, purpose);
}

export function isSinkRecord(record: ConnectRecord): record is SinkRecord {
  return typeof (record as Partial<SinkRecord>).kafkaOffset === 'bigint';
}

export function requireSinkRecord(record: ConnectRecord, purpose: string): SinkRecord {
  if (!isSinkRecord(record)) {
    throw new DataError(`Only SinkRecord supported for [${purpose}], found: ${recordClassName(record)}`);
  }
  return record;
}

function recordClassName(record: ConnectRecord): string {
  return 'sourcePartition' in record ? 'org.apache.kafka.connect.source.SourceRecord' : 'org.apache.kafka.connect.connector.ConnectRecord';
}

function nullSafeClassName(value: unknown): string {
  return value === null || value === undefined ? 'null' : javaClassName(value);
}
