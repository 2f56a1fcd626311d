import { describe, expect, it } from 'vitest';
import { createRecordValidator } from '#lib/connectors/jdbc/sink/record-validator';
import type { JdbcSinkConfig } from '#lib/connectors/jdbc/sink/jdbc-sink-config';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';
import { sinkRecord } from '../../sink-task-context';

type Options = Pick<JdbcSinkConfig, 'connectorName' | 'pkMode' | 'deleteEnabled' | 'fieldsWhitelist' | 'timestampFields'>;
const validator = (o: Partial<Options>) => createRecordValidator({ connectorName: 'c', pkMode: 'none', deleteEnabled: false, fieldsWhitelist: new Set(), timestampFields: new Set(), ...o });
const VALUE = SchemaBuilder.struct().field('id', Schema.INT32_SCHEMA).build();
const struct = new Struct(VALUE).put('id', 1);

describe('JDBC sink record validation', () => {
  it('accepts Struct and String values with schemas', () => {
    expect(() => validator({})(sinkRecord({ valueSchema: VALUE, value: struct }))).not.toThrow();
    expect(() => validator({})(sinkRecord({ valueSchema: Schema.STRING_SCHEMA, value: 'x' }))).not.toThrow();
  });

  it('needs a key with a primitive or Struct schema for record_key', () => {
    expect(() => validator({ pkMode: 'record_key' })(sinkRecord({ offset: 2, valueSchema: VALUE, value: struct, timestamp: 5 }))).toThrow(
      "Sink connector 'c' is configured with 'delete.enabled=false' and 'pk.mode=record_key' and therefore requires records with a non-null key and non-null Struct or primitive key schema, but found record at (topic='topic',partition=0,offset=2,timestamp=5) with a null key and null key schema.",
    );
    expect(() => validator({ pkMode: 'record_key' })(sinkRecord({ keySchema: Schema.INT64_SCHEMA, key: 1n, valueSchema: VALUE, value: struct }))).not.toThrow();
  });

  it('accepts tombstones only with delete.enabled', () => {
    expect(() => validator({ pkMode: 'record_key', deleteEnabled: true })(sinkRecord({ keySchema: Schema.STRING_SCHEMA, key: 'k', value: null }))).not.toThrow();
    expect(() => validator({ pkMode: 'kafka' })(sinkRecord({ value: null }))).toThrow(/with a null value and null value schema\.$/);
  });

  it('rejects schemaless values in every mode, naming their Java class', () => {
    expect(() => validator({ pkMode: 'record_key', deleteEnabled: true })(sinkRecord({ keySchema: Schema.STRING_SCHEMA, key: 'k', value: new Map() }))).toThrow(/with a HashMap value and null value schema\.$/);
    expect(() => validator({})(sinkRecord({ valueSchema: Schema.INT32_SCHEMA, value: 3 }))).toThrow(/with a Integer value and int32 value schema\.$/);
  });

  it('rejects String values when field-level options are set', () => {
    expect(() => validator({ fieldsWhitelist: new Set(['a']), timestampFields: new Set(['b']) })(sinkRecord({ valueSchema: Schema.STRING_SCHEMA, value: 'x' }))).toThrow(
      "Sink connector 'c' is configured with field-level options that are not applicable to String values: fields.whitelist, timestamp.fields.list. Remove these options, or have the upstream producer emit Struct values instead.",
    );
  });
});
