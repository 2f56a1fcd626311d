import { describe, expect, it } from 'vitest';
import { extractFieldsMetadata, type FieldsOptions } from '#lib/connectors/jdbc/sink/fields-metadata';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';

const VALUE = SchemaBuilder.struct().field('name', Schema.STRING_SCHEMA).field('id', Schema.INT64_SCHEMA).field('note', Schema.OPTIONAL_STRING_SCHEMA).build();
const KEY = SchemaBuilder.struct().field('zone', Schema.STRING_SCHEMA).field('account', Schema.INT32_SCHEMA).build();
const options = (o: Partial<FieldsOptions>): FieldsOptions => ({ pkMode: 'none', pkFields: [], fieldsWhitelist: new Set(), stringValueColumn: 'record_value', ...o });
const summary = (m: ReturnType<typeof extractFieldsMetadata>) => ({ keys: m.keyFieldNames, nonKeys: m.nonKeyFieldNames, columns: [...m.allFields.values()].map((f) => `${f.name}${f.primaryKey ? '*' : ''}`) });

describe('extractFieldsMetadata', () => {
  it('takes every value field without keys for pk.mode=none', () => {
    expect(summary(extractFieldsMetadata('t', options({}), null, VALUE))).toEqual({ keys: [], nonKeys: ['name', 'id', 'note'], columns: ['name', 'id', 'note'] });
  });

  it('adds the Kafka coordinate columns first for pk.mode=kafka', () => {
    expect(summary(extractFieldsMetadata('t', options({ pkMode: 'kafka' }), null, VALUE)).columns).toEqual(['__connect_topic*', '__connect_partition*', '__connect_offset*', 'name', 'id', 'note']);
  });

  it('names the coordinate columns by pk.fields and puts non-default names last, by name', () => {
    expect(summary(extractFieldsMetadata('t', options({ pkMode: 'kafka', pkFields: ['t', 'p', 'o'] }), null, VALUE)).columns).toEqual(['name', 'id', 'note', 'o*', 'p*', 't*']);
  });

  it("rejects a pk.fields list for pk.mode=kafka that is not a trio, with Confluent's message", () => {
    expect(() => extractFieldsMetadata('t', options({ pkMode: 'kafka', pkFields: ['a'] }), null, VALUE)).toThrow(
      "PK mode for table 't' is KAFKA so there should either be no field names defined for defaults [__connect_topic, __connect_partition, __connect_offset] to be applicable, or exactly 3, defined fields are: [a]",
    );
  });

  it('takes all key struct fields for pk.mode=record_key without pk.fields, after the value fields by name', () => {
    expect(summary(extractFieldsMetadata('t', options({ pkMode: 'record_key' }), KEY, VALUE))).toEqual({ keys: ['zone', 'account'], nonKeys: ['name', 'id', 'note'], columns: ['name', 'id', 'note', 'account*', 'zone*'] });
  });

  it('takes the chosen key struct fields and needs exactly one name for a primitive key', () => {
    expect(summary(extractFieldsMetadata('t', options({ pkMode: 'record_key', pkFields: ['account'] }), KEY, VALUE)).keys).toEqual(['account']);
    expect(summary(extractFieldsMetadata('t', options({ pkMode: 'record_key', pkFields: ['k'] }), Schema.STRING_SCHEMA, VALUE)).columns).toEqual(['name', 'id', 'note', 'k*']);
    expect(() => extractFieldsMetadata('t', options({ pkMode: 'record_key' }), Schema.STRING_SCHEMA, VALUE)).toThrow('Need exactly one PK column defined since the key schema for records is a primitive type, defined columns are: []');
    expect(() => extractFieldsMetadata('t', options({ pkMode: 'record_key', pkFields: ['nope'] }), KEY, VALUE)).toThrow(
      "PK mode for table 't' is RECORD_KEY with configured PK fields [nope], but record key schema does not contain field: nope",
    );
    expect(() => extractFieldsMetadata('t', options({ pkMode: 'record_key' }), null, VALUE)).toThrow("PK mode for table 't' is RECORD_KEY, but record key schema is missing");
  });

  it('keys rows by value fields for pk.mode=record_value and keeps the others as non-key columns', () => {
    expect(summary(extractFieldsMetadata('t', options({ pkMode: 'record_value', pkFields: ['id'] }), null, VALUE))).toEqual({ keys: ['id'], nonKeys: ['name', 'note'], columns: ['name', 'id*', 'note'] });
    expect(summary(extractFieldsMetadata('t', options({ pkMode: 'record_value' }), null, VALUE)).nonKeys).toEqual([]);
  });

  it('filters non-key columns by fields.whitelist', () => {
    expect(summary(extractFieldsMetadata('t', options({ pkMode: 'record_value', pkFields: ['id'], fieldsWhitelist: new Set(['note']) }), null, VALUE)).columns).toEqual(['id*', 'note']);
  });

  it('writes a String value into the one string value column', () => {
    expect(summary(extractFieldsMetadata('t', options({ pkMode: 'kafka', stringValueColumn: 'line' }), null, Schema.STRING_SCHEMA)).nonKeys).toEqual(['line']);
    expect(() => extractFieldsMetadata('t', options({ pkMode: 'record_value' }), null, Schema.STRING_SCHEMA)).toThrow('pk.mode record_value is not supported with String value schemas');
  });

  it('rejects value schemas that are neither Struct nor String, and records without any column', () => {
    expect(() => extractFieldsMetadata('t', options({}), null, Schema.INT32_SCHEMA)).toThrow('Value schema must be of type Struct or String');
    expect(() => extractFieldsMetadata('t', options({}), null, null)).toThrow('No fields found using key and value schemas for table: t');
  });
});
