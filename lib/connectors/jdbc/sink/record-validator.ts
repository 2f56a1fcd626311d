/**
 * Confluent's RecordValidator: what each record must look like for the configured pk.mode and
 * delete.enabled, with Confluent's messages. pk.mode=record_key (or deletes) needs a non-null key
 * with a primitive or Struct schema; none/record_value (or no deletes) need a non-null Struct or
 * String value with a schema, so schemaless values (maps from JsonConverter without schemas) are
 * rejected. A String value rules out fields.whitelist and timestamp.fields.list. In every mode a
 * non-null value without a schema is rejected (Confluent would fail on it later, less clearly).
 */
import type { SinkRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import { javaClassName } from '#lib/data/java-class';
import { DataError } from '#lib/errors';
import { DELETE_ENABLED_CONFIG, FIELDS_WHITELIST_CONFIG, PK_MODE_CONFIG, TIMESTAMP_FIELDS_LIST_CONFIG } from './jdbc-sink-keys';
import type { JdbcSinkConfig } from './jdbc-sink-config';

export type RecordValidator = (record: SinkRecord) => void;

type ValidatorConfig = Pick<JdbcSinkConfig, 'connectorName' | 'pkMode' | 'deleteEnabled' | 'fieldsWhitelist' | 'timestampFields'>;

export function createRecordValidator(config: ValidatorConfig): RecordValidator {
  const needsKey = config.pkMode === 'record_key' || config.deleteEnabled;
  const needsValue = config.pkMode === 'none' || config.pkMode === 'record_value' || !config.deleteEnabled;
  return (record) => {
    if (needsKey) requireKey(config, record);
    if (needsValue || (record.value !== null && record.valueSchema === null)) requireValue(config, record);
  };
}

function requireKey(config: ValidatorConfig, record: SinkRecord): void {
  const schema = record.keySchema;
  if (record.key !== null && record.key !== undefined && schema !== null && schema.type !== 'ARRAY' && schema.type !== 'MAP') return;
  throw new DataError(
    `${prefix(config)} therefore requires records with a non-null key and non-null Struct or primitive key schema, but found record at ${coordinates(record)} with a ${valueType(record.key)} key and ${schemaType(schema)} key schema.`,
  );
}

function requireValue(config: ValidatorConfig, record: SinkRecord): void {
  const schema = record.valueSchema;
  if (record.value !== null && record.value !== undefined && schema !== null && (schema.type === 'STRUCT' || schema.type === 'STRING')) {
    if (schema.type === 'STRING') rejectStringValueConfigs(config);
    return;
  }
  throw new DataError(
    `${prefix(config)} therefore requires records with a non-null Struct or String value and non-null Struct or String schema, but found record at ${coordinates(record)} with a ${valueType(record.value)} value and ${schemaType(schema)} value schema.`,
  );
}

function rejectStringValueConfigs(config: ValidatorConfig): void {
  const conflicting = [];
  if (config.fieldsWhitelist.size > 0) conflicting.push(FIELDS_WHITELIST_CONFIG);
  if (config.timestampFields.size > 0) conflicting.push(TIMESTAMP_FIELDS_LIST_CONFIG);
  if (conflicting.length === 0) return;
  throw new DataError(
    `Sink connector '${config.connectorName}' is configured with field-level options that are not applicable to String values: ${conflicting.join(', ')}. Remove these options, or have the upstream producer emit Struct values instead.`,
  );
}

function prefix(config: ValidatorConfig): string {
  return `Sink connector '${config.connectorName}' is configured with '${DELETE_ENABLED_CONFIG}=${config.deleteEnabled}' and '${PK_MODE_CONFIG}=${config.pkMode}' and`;
}

function coordinates(record: SinkRecord): string {
  return `(topic='${record.topic}',partition=${record.kafkaPartition},offset=${record.kafkaOffset},timestamp=${record.timestamp ?? 'null'})`;
}

/** StringUtils.valueTypeOrNull: the Java class's simple name. */
function valueType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const name = javaClassName(value);
  return name === '[B' ? 'byte[]' : name.slice(name.lastIndexOf('.') + 1);
}

/** StringUtils.schemaTypeOrNull: `Struct`, else the type's lower-case name. */
function schemaType(schema: Schema | null): string {
  if (schema === null) return 'null';
  return schema.type === 'STRUCT' ? 'Struct' : schema.type.toLowerCase();
}
