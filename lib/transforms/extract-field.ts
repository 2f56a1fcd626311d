/**
 * `org.apache.kafka.connect.transforms.ExtractField$Key` / `$Value`: replaces the key or value by
 * one of its fields (a nested one with `field.syntax.version=V2`). Null values pass through; with a
 * schema, a field the schema does not have is an error even for a null value, as in Kafka.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import { DataError } from '#lib/errors';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import { appendFieldSyntaxVersionConfig, fieldSyntaxVersionFrom } from './field/field-syntax-version';
import { SingleFieldPath } from './field/single-field-path';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { REPLACE_NULL_WITH_DEFAULT_CONFIG, REPLACE_NULL_WITH_DEFAULT_KEY } from './util/field-values';
import { KEY, VALUE, type RecordSide } from './util/record-side';
import { requireMapOrNull, requireStructOrNull } from './util/requirements';

export const EXTRACT_FIELD_CLASS = `${TRANSFORMS_PACKAGE}.ExtractField`;

export const EXTRACT_FIELD_OVERVIEW =
  'Extract the specified field from a Struct when schema present, or a Map in the case of schemaless data. ' +
  'Any null values are passed through unmodified.' +
  `<p/>Use the concrete transformation type designed for the record key (<code>${EXTRACT_FIELD_CLASS}$Key</code>) or value (<code>${EXTRACT_FIELD_CLASS}$Value</code>).`;

const PURPOSE = 'field extraction';

export function extractFieldConfigDef(): ConfigDef {
  return appendFieldSyntaxVersionConfig(
    new ConfigDef()
      .define({ name: 'field', type: 'STRING', defaultValue: NO_DEFAULT, importance: 'MEDIUM', documentation: 'Field name to extract.' })
      .define(REPLACE_NULL_WITH_DEFAULT_KEY),
  );
}

const CONFIG_DEF = extractFieldConfigDef();

export class ExtractField<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #path = new SingleFieldPath('', 'V1');
  #originalPath = '';
  #replaceNullWithDefault = true;

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, props);
    this.#originalPath = config.getString('field') ?? '';
    this.#path = new SingleFieldPath(this.#originalPath, fieldSyntaxVersionFrom(config));
    this.#replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
  }

  apply(record: R): R | null {
    const schema = this.side.schema(record);
    if (schema === null) {
      const map = requireMapOrNull(this.side.value(record), PURPOSE);
      return this.side.update(record, null, map === null ? null : this.#path.valueFromMap(map));
    }
    const struct = requireStructOrNull(this.side.value(record), PURPOSE);
    const field = this.#path.fieldFrom(schema);
    // Kafka throws IllegalArgumentException here; as a DataError the runner's error handling treats it as bad data.
    if (field === null) throw new DataError(`Unknown field: ${this.#originalPath}`);
    return this.side.update(record, field.schema, struct === null ? null : this.#path.valueFromStruct(struct, this.#replaceNullWithDefault));
  }

  config(): ConfigDef {
    return extractFieldConfigDef();
  }

  close(): void {}

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const extractFieldKeyDescriptor = transformationDescriptor(`${EXTRACT_FIELD_CLASS}$Key`, extractFieldConfigDef, () => new ExtractField(KEY));
export const extractFieldValueDescriptor = transformationDescriptor(`${EXTRACT_FIELD_CLASS}$Value`, extractFieldConfigDef, () => new ExtractField(VALUE));
