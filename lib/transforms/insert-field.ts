/**
 * `org.apache.kafka.connect.transforms.InsertField$Key` / `$Value`: adds fields holding the record's
 * topic, partition, offset (sink records only), timestamp, or a static string. A field name ending
 * in `!` makes the added field required, `?` (or no suffix) optional. Null keys/values pass through.
 */
import { ConnectTimestamp } from '#lib/data/connect-temporal';
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Field } from '#lib/data/field';
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema as Schemas } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import type { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import { insertFieldConfigDef, insertFieldSettings, type InsertFieldSettings, type InsertionSpec } from './insert-field-config';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { fieldValue } from './util/field-values';
import { KEY, VALUE, type RecordSide } from './util/record-side';
import { requireMap, requireSinkRecord, requireStruct } from './util/requirements';
import { SchemaCache } from './util/schema-cache';
import { copySchemaBasics } from './util/schema-util';
import { copyMap, setIn } from './util/copy-map';

export const INSERT_FIELD_CLASS = `${TRANSFORMS_PACKAGE}.InsertField`;

export const INSERT_FIELD_OVERVIEW =
  'Insert field(s) using attributes from the record metadata or a configured static value.' +
  `<p/>Use the concrete transformation type designed for the record key (<code>${INSERT_FIELD_CLASS}$Key</code>) or value (<code>${INSERT_FIELD_CLASS}$Value</code>).`;

const PURPOSE = 'field insertion';
const OPTIONAL_TIMESTAMP_SCHEMA = ConnectTimestamp.builder().optional().build();
const CONFIG_DEF = insertFieldConfigDef();

/** Per input schema: the updated schema and the fields the inserted values go to. */
export interface InsertPlan {
  readonly schema: Schema;
  /** The input fields, and the updated schema's fields they are copied to (same positions). */
  readonly copied: readonly Field[];
  readonly targets: readonly Field[];
  readonly topic: Field | undefined;
  readonly partition: Field | undefined;
  readonly offset: Field | undefined;
  readonly timestamp: Field | undefined;
  readonly static: Field | undefined;
  /**
   * The updated struct's values start as a copy of this (nulls): `slice` has no allocation site,
   * which V8 could pretenure when batches of records are kept (see the JSON converter's readers).
   */
  readonly blank: readonly unknown[];
  /** Whether a copied field has a default, which a null may have to be replaced with. */
  readonly copiesDefaults: boolean;
}

export class InsertField<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #settings: InsertFieldSettings = { topicField: null, partitionField: null, offsetField: null, timestampField: null, staticField: null, staticValue: null, replaceNullWithDefault: true };
  readonly #plans = new SchemaCache<InsertPlan>();
  /** Made once: a closure made per record would be an allocation per record. */
  readonly #buildPlan = (schema: Schema): InsertPlan => this.#plan(schema);

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    this.#settings = insertFieldSettings(new AbstractConfig(CONFIG_DEF, props));
  }

  apply(record: R): R | null {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    return this.side.schema(record) === null ? this.#applySchemaless(record, value) : this.#applyWithSchema(record, value);
  }

  #applySchemaless(record: R, value: unknown): R {
    const updated = copyMap(requireMap(value, PURPOSE));
    this.forEachInsertion(record, setIn, updated);
    return this.side.update(record, null, updated);
  }

  /**
   * The schemaless path's insertions for `record`, in the order it sets them, as
   * `callback.call(thisArg, value, name)` (Map.forEach's signature); throws what it throws.
   */
  forEachInsertion<T>(record: R, callback: (this: T, value: unknown, name: string) => void, thisArg: T): void {
    const s = this.#settings;
    if (s.topicField) callback.call(thisArg, record.topic, s.topicField.name);
    if (s.partitionField && record.kafkaPartition !== null) callback.call(thisArg, record.kafkaPartition, s.partitionField.name);
    if (s.offsetField) callback.call(thisArg, requireSinkRecord(record, PURPOSE).kafkaOffset, s.offsetField.name);
    if (s.timestampField && record.timestamp !== null) callback.call(thisArg, BigInt(record.timestamp), s.timestampField.name);
    if (s.staticField && s.staticValue !== null) callback.call(thisArg, s.staticValue, s.staticField.name);
  }

  /** Every field name the schemaless path may set, in its order (some only for some records). */
  insertedNames(): string[] {
    const s = this.#settings;
    return [s.topicField, s.partitionField, s.offsetField, s.timestampField, s.staticField].flatMap((spec) => (spec ? [spec.name] : []));
  }

  #applyWithSchema(record: R, value: unknown): R {
    const s = this.#settings;
    const struct = requireStruct(value, PURPOSE);
    const plan = this.planFor(struct.schema);
    const { copied } = plan;
    const values = plan.blank.slice();
    if (plan.copiesDefaults && s.replaceNullWithDefault) {
      for (let i = 0; i < copied.length; i++) values[i] = fieldValue(struct, copied[i] as Field, true);
    } else {
      // Every field reads as stored (a loop: `concat` costs three times as much).
      const stored = Struct.valuesOf(struct);
      for (let i = 0; i < copied.length; i++) values[i] = stored[i];
    }
    const updated = Struct.withCopiedValues(plan.schema, values, copied.length);
    this.putInsertions(record, plan, updated);
    return this.side.update(record, plan.schema, updated);
  }

  /** The plan for structs of `schema`, from the per-schema cache `apply` uses; throws what building it throws. */
  planFor(schema: Schema): InsertPlan {
    return this.#plans.getOrBuild(schema, this.#buildPlan);
  }

  /**
   * Puts the values the schema path inserts for `record` into `updated` (a struct of `plan.schema`),
   * as `apply` does, validating what it validates; fields it leaves out for this record are not touched.
   */
  putInsertions(record: R, plan: InsertPlan, updated: Struct): void {
    const s = this.#settings;
    // A string is valid for the STRING fields the topic and the static value go to: no need to validate it.
    if (plan.topic) putString(updated, plan.topic, record.topic);
    if (plan.partition && record.kafkaPartition !== null) updated.put(plan.partition, record.kafkaPartition);
    if (plan.offset) updated.put(plan.offset, requireSinkRecord(record, PURPOSE).kafkaOffset);
    if (plan.timestamp && record.timestamp !== null) updated.put(plan.timestamp, new Date(record.timestamp));
    if (plan.static && s.staticValue !== null) putString(updated, plan.static, s.staticValue);
  }

  #plan(schema: Schema): InsertPlan {
    const s = this.#settings;
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) builder.field(field.name, field.schema);
    const add = (spec: InsertionSpec | null, optional: Schema, required: Schema): void => {
      if (spec) builder.field(spec.name, spec.optional ? optional : required);
    };
    add(s.topicField, Schemas.OPTIONAL_STRING_SCHEMA, Schemas.STRING_SCHEMA);
    add(s.partitionField, Schemas.OPTIONAL_INT32_SCHEMA, Schemas.INT32_SCHEMA);
    add(s.offsetField, Schemas.OPTIONAL_INT64_SCHEMA, Schemas.INT64_SCHEMA);
    add(s.timestampField, OPTIONAL_TIMESTAMP_SCHEMA, ConnectTimestamp.SCHEMA);
    add(s.staticField, Schemas.OPTIONAL_STRING_SCHEMA, Schemas.STRING_SCHEMA);
    const updated = builder.build();
    const target = (spec: InsertionSpec | null): Field | undefined => (spec ? updated.field(spec.name) : undefined);
    return {
      schema: updated, copied: schema.fields, targets: updated.fields, topic: target(s.topicField), partition: target(s.partitionField),
      offset: target(s.offsetField), timestamp: target(s.timestampField), static: target(s.staticField), blank: new Array<unknown>(updated.fields.length).fill(null),
      copiesDefaults: schema.fields.some((f) => f.schema.defaultValue !== undefined),
    };
  }

  config(): ConfigDef {
    return insertFieldConfigDef();
  }

  close(): void {
    this.#plans.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

function putString(struct: Struct, field: Field, value: unknown): void {
  if (typeof value === 'string') struct.putTrusted(field, value);
  else struct.put(field, value);
}

export const insertFieldKeyDescriptor = transformationDescriptor(`${INSERT_FIELD_CLASS}$Key`, insertFieldConfigDef, () => new InsertField(KEY));
export const insertFieldValueDescriptor = transformationDescriptor(`${INSERT_FIELD_CLASS}$Value`, insertFieldConfigDef, () => new InsertField(VALUE));
