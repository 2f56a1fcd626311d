/**
 * Confluent's PreparedStatementBinder as per-column parameter extractors, built once per group of
 * records with the same schemas: key columns by pk.mode (Kafka coordinates, the primitive key, key
 * struct fields, value struct fields), non-key columns from the value struct (its field defaults
 * applied unless replace.null.with.default=false) or the whole String value.
 */
import type { SinkRecord } from '#lib/data/connect-record';
import type { Field } from '#lib/data/field';
import type { Schema } from '#lib/data/schema';
import { isPrimitiveType } from '#lib/data/schema-type';
import type { Struct } from '#lib/data/struct';
import type { PkMode } from './jdbc-sink-keys';
import type { FieldsMetadata } from './sink-record-field';
import { paramBinder, type BindSettings } from './value-params';

/** One column's parameter text of a record, or null. */
export type ColumnParam = (record: SinkRecord) => string | null;

export interface RowBinding {
  readonly keys: readonly ColumnParam[];
  readonly nonKeys: readonly ColumnParam[];
}

export interface RowBindingOptions extends BindSettings {
  pkMode: PkMode;
  replaceNullWithDefault: boolean;
}

export function rowBinding(fields: FieldsMetadata, keySchema: Schema | null, valueSchema: Schema | null, o: RowBindingOptions): RowBinding {
  return { keys: keyParams(fields, keySchema, valueSchema, o), nonKeys: nonKeyParams(fields, valueSchema, o) };
}

function keyParams(fields: FieldsMetadata, keySchema: Schema | null, valueSchema: Schema | null, o: RowBindingOptions): ColumnParam[] {
  switch (o.pkMode) {
    case 'none':
      return [];
    case 'kafka':
      return [(r) => r.topic, (r) => String(r.kafkaPartition), (r) => r.kafkaOffset.toString()];
    case 'record_key': {
      const schema = keySchema as Schema;
      if (isPrimitiveType(schema.type)) {
        const bind = paramBinder(schema, fields.keyFieldNames[0] as string, o);
        return [(r) => bind(r.key)];
      }
      return fields.keyFieldNames.map((name) => structParam(schema.field(name) as Field, name, o, (r) => r.key as Struct, true));
    }
    case 'record_value':
      return fields.keyFieldNames.map((name) => structParam((valueSchema as Schema).field(name) as Field, name, o, (r) => r.value as Struct, true));
  }
}

function nonKeyParams(fields: FieldsMetadata, valueSchema: Schema | null, o: RowBindingOptions): ColumnParam[] {
  if (valueSchema === null) return [];
  if (valueSchema.type === 'STRING') {
    return fields.nonKeyFieldNames.map((name) => {
      const bind = paramBinder(valueSchema, name, o);
      return (r) => bind(r.value);
    });
  }
  return fields.nonKeyFieldNames.map((name) => structParam(valueSchema.field(name) as Field, name, o, (r) => r.value as Struct, o.replaceNullWithDefault));
}

function structParam(field: Field, name: string, o: RowBindingOptions, struct: (r: SinkRecord) => Struct, withDefault: boolean): ColumnParam {
  const bind = paramBinder(field.schema, name, o);
  return withDefault ? (r) => bind(struct(r).get(field)) : (r) => bind(struct(r).getWithoutDefault(field));
}
