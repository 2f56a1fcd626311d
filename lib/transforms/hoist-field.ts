/**
 * `org.apache.kafka.connect.transforms.HoistField$Key` / `$Value`: wraps the key or value in a
 * Struct (with a schema) or a Map (without) holding it under `field`.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Struct } from '#lib/data/struct';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { KEY, VALUE, type RecordSide } from './util/record-side';
import { SchemaCache } from './util/schema-cache';

export const HOIST_FIELD_CLASS = `${TRANSFORMS_PACKAGE}.HoistField`;

export const HOIST_FIELD_OVERVIEW =
  'Wrap data using the specified field name in a Struct when schema present, or a Map in the case of schemaless data.' +
  `<p/>Use the concrete transformation type designed for the record key (<code>${HOIST_FIELD_CLASS}$Key</code>) or value (<code>${HOIST_FIELD_CLASS}$Value</code>).`;

export function hoistFieldConfigDef(): ConfigDef {
  return new ConfigDef().define({
    name: 'field', type: 'STRING', defaultValue: NO_DEFAULT, importance: 'MEDIUM',
    documentation: 'Field name for the single field that will be created in the resulting Struct or Map.',
  });
}

const CONFIG_DEF = hoistFieldConfigDef();

export class HoistField<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #fieldName = '';
  readonly #schemaCache = new SchemaCache();

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    this.#fieldName = new AbstractConfig(CONFIG_DEF, props).getString('field') ?? '';
  }

  apply(record: R): R | null {
    const schema = this.side.schema(record);
    const value = this.side.value(record);
    if (schema === null) return this.side.update(record, null, new Map([[this.#fieldName, value]]));
    const updatedSchema = this.#schemaCache.getOrBuild(schema, (s) => this.#hoistedSchema(s));
    return this.side.update(record, updatedSchema, new Struct(updatedSchema).put(this.#fieldName, value));
  }

  #hoistedSchema(schema: Schema): Schema {
    return SchemaBuilder.struct().field(this.#fieldName, schema).build();
  }

  config(): ConfigDef {
    return hoistFieldConfigDef();
  }

  close(): void {
    this.#schemaCache.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const hoistFieldKeyDescriptor = transformationDescriptor(`${HOIST_FIELD_CLASS}$Key`, hoistFieldConfigDef, () => new HoistField(KEY));
export const hoistFieldValueDescriptor = transformationDescriptor(`${HOIST_FIELD_CLASS}$Value`, hoistFieldConfigDef, () => new HoistField(VALUE));
