/**
 * `org.apache.kafka.connect.transforms.SetSchemaMetadata$Key` / `$Value`: sets the name and/or
 * version of the key or value schema (a Struct is rebuilt on the renamed schema). A value without a
 * schema is an error unless it is null. As in Kafka 3.9, the schema is rebuilt with its field list,
 * so a non-STRUCT schema fails with `Cannot list fields on non-struct type`.
 */
import { ConnectSchema } from '#lib/data/connect-schema';
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import { Struct } from '#lib/data/struct';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { ConfigException } from '#lib/plugin/config-exception';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { REPLACE_NULL_WITH_DEFAULT_CONFIG, REPLACE_NULL_WITH_DEFAULT_KEY, fieldValue, putCopied } from './util/field-values';
import { KEY, VALUE, type RecordSide } from './util/record-side';
import { requireSchema } from './util/requirements';
import { SchemaCache } from './util/schema-cache';

export const SET_SCHEMA_METADATA_CLASS = `${TRANSFORMS_PACKAGE}.SetSchemaMetadata`;

export const SET_SCHEMA_METADATA_OVERVIEW =
  `Set the schema name, version or both on the record's key (<code>${SET_SCHEMA_METADATA_CLASS}$Key</code>)` +
  ` or value (<code>${SET_SCHEMA_METADATA_CLASS}$Value</code>) schema.`;

export function setSchemaMetadataConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'schema.name', type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'Schema name to set.' })
    .define({ name: 'schema.version', type: 'INT', defaultValue: null, importance: 'HIGH', documentation: 'Schema version to set.' })
    .define(REPLACE_NULL_WITH_DEFAULT_KEY);
}

const CONFIG_DEF = setSchemaMetadataConfigDef();

export class SetSchemaMetadata<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #schemaName: string | null = null;
  #schemaVersion: number | null = null;
  #replaceNullWithDefault = true;
  // Kafka builds the schema anew for every record; the result only depends on the input schema.
  readonly #schemaCache = new SchemaCache();

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, props);
    this.#schemaName = config.getString('schema.name');
    this.#schemaVersion = config.getNumber('schema.version');
    this.#replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
    if (this.#schemaName === null && this.#schemaVersion === null) throw new ConfigException('Neither schema name nor version configured');
  }

  apply(record: R): R | null {
    const value = this.side.value(record);
    const schema = this.side.schema(record);
    if ((value === null || value === undefined) && schema === null) return record;
    const updatedSchema = this.#schemaCache.getOrBuild(requireSchema(schema, 'updating schema metadata'), (s) => this.#updatedSchema(s));
    return this.side.update(record, updatedSchema, this.updateSchemaIn(value, updatedSchema));
  }

  #updatedSchema(schema: Schema): Schema {
    const isMap = schema.type === 'MAP';
    return new ConnectSchema({
      type: schema.type,
      optional: schema.optional,
      defaultValue: schema.defaultValue,
      name: this.#schemaName ?? schema.name,
      version: this.#schemaVersion ?? schema.version,
      doc: schema.doc,
      parameters: schema.parameters,
      fields: schema.fields,
      keySchema: isMap ? schema.keySchema : undefined,
      valueSchema: isMap || schema.type === 'ARRAY' ? schema.valueSchema : undefined,
    });
  }

  /** A Struct rebuilt on the updated schema (same fields); any other value as is. */
  updateSchemaIn(keyOrValue: unknown, updatedSchema: Schema): unknown {
    if (!(keyOrValue instanceof Struct)) return keyOrValue;
    const updated = new Struct(updatedSchema);
    for (const field of updatedSchema.fields) putCopied(updated, field, fieldValue(keyOrValue, field, this.#replaceNullWithDefault));
    return updated;
  }

  config(): ConfigDef {
    return setSchemaMetadataConfigDef();
  }

  close(): void {
    this.#schemaCache.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const setSchemaMetadataKeyDescriptor = transformationDescriptor(`${SET_SCHEMA_METADATA_CLASS}$Key`, setSchemaMetadataConfigDef, () => new SetSchemaMetadata(KEY));
export const setSchemaMetadataValueDescriptor = transformationDescriptor(`${SET_SCHEMA_METADATA_CLASS}$Value`, setSchemaMetadataConfigDef, () => new SetSchemaMetadata(VALUE));
