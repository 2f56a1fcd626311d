/**
 * Confluent's FieldsMetadata.extract: which columns a record with these key and value schemas is
 * written to, per pk.mode (with pk.fields and Confluent's defaults and messages), fields.whitelist,
 * and the single column of STRING values (string.output.value.column.name).
 */
import type { Schema } from '#lib/data/schema';
import { isPrimitiveType } from '#lib/data/schema-type';
import { Schema as Schemas } from '#lib/data/schemas';
import { DataError } from '#lib/errors';
import { DEFAULT_KAFKA_PK_NAMES, STRING_OUTPUT_VALUE_COLUMN_NAME_CONFIG, type PkMode } from './jdbc-sink-keys';
import type { FieldsMetadata, SinkRecordField } from './sink-record-field';
import { javaList } from './sink-errors';

export interface FieldsOptions {
  pkMode: PkMode;
  pkFields: readonly string[];
  fieldsWhitelist: ReadonlySet<string>;
  stringValueColumn: string;
}

const PK_MODE_NAMES: Readonly<Record<PkMode, string>> = { none: 'NONE', kafka: 'KAFKA', record_key: 'RECORD_KEY', record_value: 'RECORD_VALUE' };

export function extractFieldsMetadata(tableName: string, options: FieldsOptions, keySchema: Schema | null, valueSchema: Schema | null): FieldsMetadata {
  if (valueSchema !== null && valueSchema.type !== 'STRUCT' && valueSchema.type !== 'STRING') throw new DataError('Value schema must be of type Struct or String');
  const stringValue = valueSchema?.type === 'STRING';
  const fields = new Map<string, SinkRecordField>();
  const keyNames = new Set<string>();
  const add = (name: string, schema: Schema, primaryKey: boolean): void => void fields.set(name, { name, schema, primaryKey });
  switch (options.pkMode) {
    case 'none':
      break;
    case 'kafka':
      kafkaKey(tableName, options.pkFields, keyNames, add);
      break;
    case 'record_key':
      recordKey(tableName, options.pkFields, keySchema, keyNames, add);
      break;
    case 'record_value':
      if (stringValue) throw new DataError('pk.mode record_value is not supported with String value schemas');
      valueKey(tableName, options.pkFields, valueSchema, keyNames, add);
      break;
  }
  const nonKeyNames: string[] = [];
  if (stringValue) {
    const column = options.stringValueColumn;
    if (keyNames.has(column)) throw new DataError(`Configured ${STRING_OUTPUT_VALUE_COLUMN_NAME_CONFIG} '${column}' conflicts with a primary key column for table '${tableName}'`);
    nonKeyNames.push(column);
    add(column, Schemas.OPTIONAL_STRING_SCHEMA, false);
  } else if (valueSchema !== null) {
    for (const field of valueSchema.fields) {
      if (keyNames.has(field.name)) continue;
      if (options.fieldsWhitelist.size > 0 && !options.fieldsWhitelist.has(field.name)) continue;
      nonKeyNames.push(field.name);
      add(field.name, field.schema, false);
    }
  }
  if (fields.size === 0) throw new DataError(`No fields found using key and value schemas for table: ${tableName}`);
  return { keyFieldNames: [...keyNames], nonKeyFieldNames: nonKeyNames, allFields: ordered(fields, stringValue ? null : valueSchema, options.stringValueColumn) };
}

/** Kafka coordinates first, then value fields in order, then anything else (key struct fields) by name. */
function ordered(fields: Map<string, SinkRecordField>, structSchema: Schema | null, stringColumn: string): Map<string, SinkRecordField> {
  const result = new Map<string, SinkRecordField>();
  const take = (name: string): void => {
    const field = fields.get(name);
    if (field !== undefined && !result.has(name)) result.set(name, field);
  };
  DEFAULT_KAFKA_PK_NAMES.forEach(take);
  if (structSchema !== null) structSchema.fields.forEach((f) => take(f.name));
  else take(stringColumn);
  [...fields.keys()].filter((name) => !result.has(name)).sort().forEach(take);
  return result;
}

type Add = (name: string, schema: Schema, primaryKey: boolean) => void;

function kafkaKey(tableName: string, pkFields: readonly string[], keyNames: Set<string>, add: Add): void {
  if (pkFields.length === 0) DEFAULT_KAFKA_PK_NAMES.forEach((n) => keyNames.add(n));
  else if (pkFields.length === 3) pkFields.forEach((n) => keyNames.add(n));
  else throw new DataError(kafkaPkFieldsMessage(pkFields, tableName));
  const [topic, partition, offset] = [...keyNames] as [string, string, string];
  add(topic, Schemas.STRING_SCHEMA, true);
  add(partition, Schemas.INT32_SCHEMA, true);
  add(offset, Schemas.INT64_SCHEMA, true);
}

/** Confluent's message for pk.mode=kafka with a pk.fields list that is neither empty nor a trio. */
export function kafkaPkFieldsMessage(pkFields: readonly string[], tableName?: string): string {
  const table = tableName === undefined ? '' : ` for table '${tableName}'`;
  return `PK mode${table} is KAFKA so there should either be no field names defined for defaults ${javaList(DEFAULT_KAFKA_PK_NAMES)} to be applicable, or exactly 3, defined fields are: ${javaList(pkFields)}`;
}

function recordKey(tableName: string, pkFields: readonly string[], keySchema: Schema | null, keyNames: Set<string>, add: Add): void {
  if (keySchema === null) throw new DataError(`PK mode for table '${tableName}' is RECORD_KEY, but record key schema is missing`);
  if (isPrimitiveType(keySchema.type)) {
    if (pkFields.length !== 1) throw new DataError(`Need exactly one PK column defined since the key schema for records is a primitive type, defined columns are: ${javaList(pkFields)}`);
    const name = pkFields[0] as string;
    keyNames.add(name);
    add(name, keySchema, true);
    return;
  }
  if (keySchema.type !== 'STRUCT') throw new DataError(`Key schema must be primitive type or Struct, but is of type: ${keySchema.type}`);
  structKey(tableName, 'record_key', pkFields, keySchema, keyNames, add);
}

function valueKey(tableName: string, pkFields: readonly string[], valueSchema: Schema | null, keyNames: Set<string>, add: Add): void {
  if (valueSchema === null) throw new DataError(`PK mode for table '${tableName}' is RECORD_VALUE, but record value schema is missing`);
  structKey(tableName, 'record_value', pkFields, valueSchema, keyNames, add);
}

function structKey(tableName: string, mode: PkMode, pkFields: readonly string[], schema: Schema, keyNames: Set<string>, add: Add): void {
  if (pkFields.length === 0) schema.fields.forEach((f) => keyNames.add(f.name));
  for (const name of pkFields) {
    if (schema.field(name) === undefined) {
      const which = mode === 'record_key' ? 'key' : 'value';
      throw new DataError(`PK mode for table '${tableName}' is ${PK_MODE_NAMES[mode]} with configured PK fields ${javaList(pkFields)}, but record ${which} schema does not contain field: ${name}`);
    }
    keyNames.add(name);
  }
  for (const name of keyNames) add(name, (schema.field(name) as NonNullable<ReturnType<Schema['field']>>).schema, true);
}
