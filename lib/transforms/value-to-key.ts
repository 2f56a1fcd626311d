/**
 * `org.apache.kafka.connect.transforms.ValueToKey`: replaces the key with a Struct (with a schema)
 * or a Map (without) of the listed value fields. The key schema is cached per value schema.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Struct } from '#lib/data/struct';
import { DataError } from '#lib/errors';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { REPLACE_NULL_WITH_DEFAULT_CONFIG, REPLACE_NULL_WITH_DEFAULT_KEY } from './util/field-values';
import { requireMap, requireStruct } from './util/requirements';
import { SchemaCache } from './util/schema-cache';
import { nonEmptyListValidator } from './util/validators';

export const VALUE_TO_KEY_CLASS = `${TRANSFORMS_PACKAGE}.ValueToKey`;

export const VALUE_TO_KEY_OVERVIEW = 'Replace the record key with a new key formed from a subset of fields in the record value.';

const PURPOSE = 'copying fields from value to key';

export function valueToKeyConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'fields', type: 'LIST', defaultValue: NO_DEFAULT, validator: nonEmptyListValidator(), importance: 'HIGH', documentation: 'Field names on the record value to extract as the record key.' })
    .define(REPLACE_NULL_WITH_DEFAULT_KEY);
}

const CONFIG_DEF = valueToKeyConfigDef();

export class ValueToKey<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #fields: readonly string[] = [];
  #replaceNullWithDefault = true;
  readonly #schemaCache = new SchemaCache();

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, props);
    this.#fields = config.getList('fields') ?? [];
    this.#replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
  }

  apply(record: R): R | null {
    if (record.valueSchema === null) {
      const value = requireMap(record.value, PURPOSE);
      const key = new Map<string, unknown>();
      for (const field of this.#fields) key.set(field, value.get(field) ?? null);
      return { ...record, keySchema: null, key };
    }
    const value = requireStruct(record.value, PURPOSE);
    const keySchema = this.#schemaCache.getOrBuild(value.schema, (schema) => this.#keySchema(schema));
    const key = new Struct(keySchema);
    for (const field of this.#fields) key.put(field, this.#replaceNullWithDefault ? value.get(field) : value.getWithoutDefault(field));
    return { ...record, keySchema, key, valueSchema: value.schema };
  }

  #keySchema(valueSchema: Schema): Schema {
    const builder = SchemaBuilder.struct();
    for (const name of this.#fields) {
      const field = valueSchema.field(name);
      if (field === undefined) throw new DataError(`Field does not exist: ${name}`);
      builder.field(name, field.schema);
    }
    return builder.build();
  }

  config(): ConfigDef {
    return valueToKeyConfigDef();
  }

  close(): void {
    this.#schemaCache.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const valueToKeyDescriptor = transformationDescriptor(VALUE_TO_KEY_CLASS, valueToKeyConfigDef, () => new ValueToKey());
