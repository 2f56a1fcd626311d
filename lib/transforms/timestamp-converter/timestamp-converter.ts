/**
 * `org.apache.kafka.connect.transforms.TimestampConverter$Key` / `$Value`: converts a timestamp
 * field (or the whole key/value when `field` is empty) between a formatted string, a Unix time
 * and the Connect Date / Time / Timestamp logical types. The source representation comes from the
 * schema, or from the value's type without one; updated schemas are cached per input schema.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Field } from '#lib/data/field';
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Struct } from '#lib/data/struct';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import type { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from '../transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from '../transformation-descriptor';
import { fieldValue, putCopied } from '../util/field-values';
import { KEY, VALUE, type RecordSide } from '../util/record-side';
import { requireMap, requireStructOrNull } from '../util/requirements';
import { SchemaCache } from '../util/schema-cache';
import { copySchemaBasics } from '../util/schema-util';
import { timestampConverterConfigDef, timestampConverterSettings, type TimestampConverterSettings } from './timestamp-converter-config';
import { TRANSLATORS, type TimestampType } from './timestamp-translators';
import { inferTimestampType, timestampTypeFromSchema } from './timestamp-types';
import { copyMap } from '../util/copy-map';

export const TIMESTAMP_CONVERTER_CLASS = `${TRANSFORMS_PACKAGE}.TimestampConverter`;

export const TIMESTAMP_CONVERTER_OVERVIEW =
  'Convert timestamps between different formats such as Unix epoch, strings, and Connect Date/Timestamp types.' +
  'Applies to individual fields or to the entire value.' +
  `<p/>Use the concrete transformation type designed for the record key (<code>${TIMESTAMP_CONVERTER_CLASS}$Key</code>) or value (<code>${TIMESTAMP_CONVERTER_CLASS}$Value</code>).`;

const PURPOSE = 'converting timestamp formats';
const CONFIG_DEF = timestampConverterConfigDef();

export class TimestampConverter<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #settings: TimestampConverterSettings = { field: '', type: 'Timestamp', format: null, unixPrecision: 'milliseconds', replaceNullWithDefault: true };
  readonly #schemaCache = new SchemaCache();

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    this.#settings = timestampConverterSettings(new AbstractConfig(CONFIG_DEF, props));
  }

  apply(record: R): R | null {
    const schema = this.side.schema(record);
    const value = this.side.value(record);
    const field = this.#settings.field;
    if (schema === null) {
      if (value === null || value === undefined || field === '') return this.side.update(record, null, this.#convert(value, null));
      const updated = copyMap(requireMap(value, PURPOSE));
      updated.set(field, this.#convert(updated.get(field) ?? null, null));
      return this.side.update(record, null, updated);
    }
    if (field === '') {
      const updatedSchema = TRANSLATORS[this.#settings.type].typeSchema(schema.optional);
      return this.side.update(record, updatedSchema, this.#convert(value, timestampTypeFromSchema(schema)));
    }
    const struct = requireStructOrNull(value, PURPOSE);
    const updatedSchema = this.#schemaCache.getOrBuild(schema, (s) => this.#updatedSchema(s));
    return this.side.update(record, updatedSchema, this.#convertStruct(struct, updatedSchema));
  }

  #updatedSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) {
      builder.field(field.name, field.name === this.#settings.field ? TRANSLATORS[this.#settings.type].typeSchema(field.schema.optional) : field.schema);
    }
    if (schema.optional) builder.optional();
    if (schema.defaultValue !== undefined) builder.defaultValue(this.#convertStruct(schema.defaultValue as Struct, builder.build()));
    return builder.build();
  }

  #convertStruct(value: Struct | null, updatedSchema: Schema): Struct | null {
    if (value === null) return null;
    const updated = new Struct(updatedSchema);
    // The updated schema has the input's fields in the same positions.
    const fields = value.schema.fields;
    const targets = updatedSchema.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as Field;
      const original = fieldValue(value, field, this.#settings.replaceNullWithDefault);
      if (field.name === this.#settings.field) updated.put(targets[i] as Field, this.#convert(original, timestampTypeFromSchema(field.schema)));
      else putCopied(updated, targets[i] as Field, original);
    }
    return updated;
  }

  /** Kafka's `convertTimestamp`: null stays null; the source type is inferred when not given. */
  #convert(timestamp: unknown, sourceType: TimestampType | null): unknown {
    if (timestamp === null || timestamp === undefined) return null;
    const instant = TRANSLATORS[sourceType ?? inferTimestampType(timestamp)].toRaw(this.#settings, timestamp);
    return TRANSLATORS[this.#settings.type].toType(this.#settings, instant);
  }

  config(): ConfigDef {
    return timestampConverterConfigDef();
  }

  close(): void {
    this.#schemaCache.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const timestampConverterKeyDescriptor = transformationDescriptor(`${TIMESTAMP_CONVERTER_CLASS}$Key`, timestampConverterConfigDef, () => new TimestampConverter(KEY));
export const timestampConverterValueDescriptor = transformationDescriptor(`${TIMESTAMP_CONVERTER_CLASS}$Value`, timestampConverterConfigDef, () => new TimestampConverter(VALUE));
