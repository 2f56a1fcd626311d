/**
 * `org.apache.kafka.connect.transforms.MaskField$Key` / `$Value`: replaces the listed fields by the
 * "null value" of their type (0, false, "", epoch Date, empty list or map) or by `replacement`,
 * converted to the field's numeric or string type. Which applies is decided, as in Kafka, by the
 * Java class of the value (see ./mask-values).
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Field } from '#lib/data/field';
import { Struct } from '#lib/data/struct';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import { NonEmptyString } from '#lib/plugin/validators';
import { maskedValue } from './mask-values';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { REPLACE_NULL_WITH_DEFAULT_CONFIG, REPLACE_NULL_WITH_DEFAULT_KEY, fieldValue, putCopied } from './util/field-values';
import { KEY, VALUE, type RecordSide } from './util/record-side';
import { requireMap, requireStruct } from './util/requirements';
import { SchemaCache } from './util/schema-cache';
import { nonEmptyListValidator } from './util/validators';
import { copyMap } from './util/copy-map';

export const MASK_FIELD_CLASS = `${TRANSFORMS_PACKAGE}.MaskField`;

export const MASK_FIELD_OVERVIEW =
  'Mask specified fields with a valid null value for the field type (i.e. 0, false, empty string, and so on).' +
  '<p/>For numeric and string fields, an optional replacement value can be specified that is converted to the correct type.' +
  `<p/>Use the concrete transformation type designed for the record key (<code>${MASK_FIELD_CLASS}$Key</code>) or value (<code>${MASK_FIELD_CLASS}$Value</code>).`;

const PURPOSE = 'mask fields';

export function maskFieldConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'fields', type: 'LIST', defaultValue: NO_DEFAULT, validator: nonEmptyListValidator(), importance: 'HIGH', documentation: 'Names of fields to mask.' })
    .define({
      name: 'replacement', type: 'STRING', defaultValue: null, validator: NonEmptyString(), importance: 'LOW',
      documentation: "Custom value replacement, that will be applied to all 'fields' values (numeric or non-empty string values only).",
    })
    .define(REPLACE_NULL_WITH_DEFAULT_KEY);
}

const CONFIG_DEF = maskFieldConfigDef();

export class MaskField<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #fields: ReadonlySet<string> = new Set();
  #replacement: string | null = null;
  #replaceNullWithDefault = true;
  /** Per input schema: whether each field, by position, is masked. */
  readonly #masks = new SchemaCache<readonly boolean[]>();

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, props);
    this.#fields = new Set(config.getList('fields'));
    this.#replacement = config.getString('replacement');
    this.#replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
  }

  apply(record: R): R | null {
    const schema = this.side.schema(record);
    if (schema === null) {
      const value = requireMap(this.side.value(record), PURPOSE);
      const updated = copyMap(value);
      for (const field of this.#fields) updated.set(field, maskedValue(null, value.get(field) ?? null, this.#replacement));
      return this.side.update(record, null, updated);
    }
    const value = requireStruct(this.side.value(record), PURPOSE);
    const updated = new Struct(value.schema);
    const fields = value.schema.fields;
    const masked = this.#masks.getOrBuild(value.schema, (s) => s.fields.map((field) => this.#fields.has(field.name)));
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as Field;
      const original = fieldValue(value, field, this.#replaceNullWithDefault);
      if (masked[i]) updated.put(field, maskedValue(field.schema, original, this.#replacement));
      else putCopied(updated, field, original);
    }
    return this.side.update(record, schema, updated);
  }

  config(): ConfigDef {
    return maskFieldConfigDef();
  }

  close(): void {
    this.#masks.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const maskFieldKeyDescriptor = transformationDescriptor(`${MASK_FIELD_CLASS}$Key`, maskFieldConfigDef, () => new MaskField(KEY));
export const maskFieldValueDescriptor = transformationDescriptor(`${MASK_FIELD_CLASS}$Value`, maskFieldConfigDef, () => new MaskField(VALUE));
