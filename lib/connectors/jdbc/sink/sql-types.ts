/**
 * PostgreSqlDatabaseDialect.getSqlType: the column type CREATE TABLE and ALTER TABLE ADD give a
 * Connect field — Decimal → DECIMAL, Date → DATE, Time → TIME, Timestamp → TIMESTAMP, INT8/INT16 →
 * SMALLINT, INT32 → INT, INT64 → BIGINT, FLOAT32 → REAL, FLOAT64 → DOUBLE PRECISION, BOOLEAN,
 * STRING → TEXT, BYTES → BYTEA, arrays → element type + `[]`; INT64 and STRING fields listed in
 * timestamp.fields.list → TIMESTAMP. MAP and STRUCT have no column type (Confluent's message).
 */
import type { Schema } from '#lib/data/schema';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import { DataError } from '#lib/errors';
import type { SinkRecordField } from './sink-record-field';

const LOGICAL_TYPES: Readonly<Record<string, string>> = {
  [DECIMAL_LOGICAL_NAME]: 'DECIMAL',
  [DATE_LOGICAL_NAME]: 'DATE',
  [TIME_LOGICAL_NAME]: 'TIME',
  [TIMESTAMP_LOGICAL_NAME]: 'TIMESTAMP',
};

const PRIMITIVE_TYPES: Readonly<Partial<Record<Schema['type'], string>>> = {
  INT8: 'SMALLINT',
  INT16: 'SMALLINT',
  INT32: 'INT',
  INT64: 'BIGINT',
  FLOAT32: 'REAL',
  FLOAT64: 'DOUBLE PRECISION',
  BOOLEAN: 'BOOLEAN',
  STRING: 'TEXT',
  BYTES: 'BYTEA',
};

export function sqlTypeOf(field: SinkRecordField, timestampFields: ReadonlySet<string>): string {
  return sqlType(field.name, field.schema, timestampFields);
}

function sqlType(name: string, schema: Schema, timestampFields: ReadonlySet<string>): string {
  const logical = schema.name === undefined ? undefined : LOGICAL_TYPES[schema.name];
  if (logical !== undefined) return logical;
  if ((schema.type === 'INT64' || schema.type === 'STRING') && timestampFields.has(name)) return 'TIMESTAMP';
  if (schema.type === 'ARRAY' && schema.valueSchema !== undefined) return `${sqlType(name, schema.valueSchema, timestampFields)}[]`;
  const primitive = PRIMITIVE_TYPES[schema.type];
  if (primitive !== undefined) return primitive;
  throw new DataError(`${schema.name ?? 'null'} (${schema.type}) type doesn't have a mapping to the SQL database column type`);
}
