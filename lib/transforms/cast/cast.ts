/**
 * `org.apache.kafka.connect.transforms.Cast$Key` / `$Value`: casts fields (`spec=f1:int32,f2:string`)
 * or the whole key or value (`spec=int64`) to another primitive type. Updated schemas (field
 * defaults cast too) are cached per input schema. Null keys/values pass through.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Field } from '#lib/data/field';
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Struct } from '#lib/data/struct';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from '../transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from '../transformation-descriptor';
import { REPLACE_NULL_WITH_DEFAULT_CONFIG, REPLACE_NULL_WITH_DEFAULT_KEY, fieldValue, putCopied } from '../util/field-values';
import { KEY, VALUE, type RecordSide } from '../util/record-side';
import { requireMap, requireStruct } from '../util/requirements';
import { SchemaCache } from '../util/schema-cache';
import { copySchemaBasics } from '../util/schema-util';
import { castSpecValidator, parseCastSpec, type CastSpec, type CastType } from './cast-spec';
import { castValueToType } from './cast-value';
import { copyMap } from '../util/copy-map';

export const CAST_CLASS = `${TRANSFORMS_PACKAGE}.Cast`;

export const CAST_OVERVIEW =
  'Cast fields or the entire key or value to a specific type, e.g. to force an integer field to a smaller width. ' +
  'Cast from integers, floats, boolean and string to any other type, and cast binary to string (base64 encoded).' +
  `<p/>Use the concrete transformation type designed for the record key (<code>${CAST_CLASS}$Key</code>) or value (<code>${CAST_CLASS}$Value</code>).`;

const PURPOSE = 'cast types';

export function castConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({
      name: 'spec', type: 'LIST', defaultValue: NO_DEFAULT, validator: castSpecValidator(), importance: 'HIGH',
      documentation:
        'List of fields and the type to cast them to of the form field1:type,field2:type to cast fields of Maps or Structs. ' +
        'A single type to cast the entire value. Valid types are int8, int16, int32, int64, float32, float64, boolean, and string. ' +
        'Note that binary fields can only be cast to string.',
    })
    .define(REPLACE_NULL_WITH_DEFAULT_KEY);
}

const CONFIG_DEF = castConfigDef();

/** Per input schema: the updated schema and, by field position, the target field and the cast (if any). */
interface CastPlan {
  readonly schema: Schema;
  readonly targets: readonly Field[];
  readonly casts: readonly (CastType | undefined)[];
}

export class Cast<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #spec: CastSpec = { wholeValueType: null, fieldTypes: new Map() };
  #replaceNullWithDefault = true;
  readonly #plans = new SchemaCache<CastPlan>();

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, props);
    this.#spec = parseCastSpec(config.getList('spec') ?? []);
    this.#replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
  }

  apply(record: R): R | null {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    const schema = this.side.schema(record);
    return schema === null ? this.#applySchemaless(record, value) : this.#applyWithSchema(record, schema, value);
  }

  #applySchemaless(record: R, value: unknown): R {
    const whole = this.#spec.wholeValueType;
    if (whole !== null) return this.side.update(record, null, castValueToType(null, value, whole));
    const map = requireMap(value, PURPOSE);
    const updated = copyMap(map);
    for (const [field, type] of this.#spec.fieldTypes) updated.set(field, castValueToType(null, map.get(field) ?? null, type));
    return this.side.update(record, null, updated);
  }

  #applyWithSchema(record: R, schema: Schema, value: unknown): R {
    const plan = this.#plans.getOrBuild(schema, (s) => this.#plan(s));
    const whole = this.#spec.wholeValueType;
    if (whole !== null) return this.side.update(record, plan.schema, castValueToType(schema, value, whole));
    const struct = requireStruct(value, PURPOSE);
    const updated = new Struct(plan.schema);
    const fields = struct.schema.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as Field;
      const original = fieldValue(struct, field, this.#replaceNullWithDefault);
      const target = plan.casts[i];
      if (target === undefined) putCopied(updated, plan.targets[i] as Field, original);
      else updated.put(plan.targets[i] as Field, castValueToType(field.schema, original, target));
    }
    return this.side.update(record, plan.schema, updated);
  }

  #plan(schema: Schema): CastPlan {
    const updated = this.#updatedSchema(schema);
    if (this.#spec.wholeValueType !== null) return { schema: updated, targets: [], casts: [] };
    return { schema: updated, targets: updated.fields, casts: schema.fields.map((field) => this.#spec.fieldTypes.get(field.name)) };
  }

  #updatedSchema(schema: Schema): Schema {
    const whole = this.#spec.wholeValueType;
    let builder: SchemaBuilder;
    if (whole !== null) builder = copySchemaBasics(schema, builderFor(whole));
    else {
      builder = copySchemaBasics(schema, SchemaBuilder.struct());
      for (const field of schema.fields) {
        const target = this.#spec.fieldTypes.get(field.name);
        if (target === undefined) {
          builder.field(field.name, field.schema);
          continue;
        }
        const fieldBuilder = builderFor(target);
        if (field.schema.optional) fieldBuilder.optional();
        if (field.schema.defaultValue !== undefined) fieldBuilder.defaultValue(castValueToType(field.schema, field.schema.defaultValue, target));
        builder.field(field.name, fieldBuilder.build());
      }
    }
    if (schema.optional) builder.optional();
    if (schema.defaultValue !== undefined) builder.defaultValue(castValueToType(schema, schema.defaultValue, builder.type as CastType));
    return builder.build();
  }

  config(): ConfigDef {
    return castConfigDef();
  }

  close(): void {
    this.#plans.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

function builderFor(type: CastType): SchemaBuilder {
  return new SchemaBuilder(type);
}

export const castKeyDescriptor = transformationDescriptor(`${CAST_CLASS}$Key`, castConfigDef, () => new Cast(KEY));
export const castValueDescriptor = transformationDescriptor(`${CAST_CLASS}$Value`, castConfigDef, () => new Cast(VALUE));
