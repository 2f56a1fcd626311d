/** Confluent's SinkRecordField and FieldsMetadata: the columns a group of records is written to. */
import type { Schema } from '#lib/data/schema';

export interface SinkRecordField {
  readonly name: string;
  readonly schema: Schema;
  readonly primaryKey: boolean;
}

/** Key columns are never optional. */
export function isOptionalField(field: SinkRecordField): boolean {
  return !field.primaryKey && field.schema.optional;
}

/** `SinkRecordField.toString()`, as Confluent's messages print missing fields. */
export function describeField(field: SinkRecordField): string {
  return `SinkRecordField{schema=${field.schema.toString()}, name='${field.name}', isPrimaryKey=${field.primaryKey}}`;
}

export interface FieldsMetadata {
  /** In primary key order. */
  readonly keyFieldNames: readonly string[];
  /** In value field order. */
  readonly nonKeyFieldNames: readonly string[];
  /** Every column, in CREATE TABLE order: Kafka coordinates, value fields, then other key fields by name. */
  readonly allFields: ReadonlyMap<string, SinkRecordField>;
}
