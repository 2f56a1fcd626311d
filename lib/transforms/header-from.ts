/**
 * `org.apache.kafka.connect.transforms.HeaderFrom$Key` / `$Value`: copies (`operation=copy`) or
 * moves (`move`, removing them from the key/value) the listed fields into headers, the i-th field
 * to the i-th header name. With a schema, each header carries its field's schema.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Struct } from '#lib/data/struct';
import { DataError } from '#lib/errors';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { ConfigException } from '#lib/plugin/config-exception';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import { ValidString } from '#lib/plugin/validators';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { REPLACE_NULL_WITH_DEFAULT_CONFIG, REPLACE_NULL_WITH_DEFAULT_KEY, putCopied } from './util/field-values';
import { KEY, VALUE, type RecordSide } from './util/record-side';
import { requireMap, requireStruct } from './util/requirements';
import { SchemaCache } from './util/schema-cache';
import { copySchemaBasics } from './util/schema-util';
import { nonEmptyListValidator } from './util/validators';
import { copyMap } from './util/copy-map';

export const HEADER_FROM_CLASS = `${TRANSFORMS_PACKAGE}.HeaderFrom`;

export const HEADER_FROM_OVERVIEW =
  "Moves or copies fields in the key/value of a record into that record's headers. " +
  'Corresponding elements of <code>fields</code> and <code>headers</code> together identify a field and the header it should be moved or copied to. ' +
  `Use the concrete transformation type designed for the record key (<code>${HEADER_FROM_CLASS}$Key</code>) or value (<code>${HEADER_FROM_CLASS}$Value</code>).`;

export function headerFromConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'fields', type: 'LIST', defaultValue: NO_DEFAULT, validator: nonEmptyListValidator(), importance: 'HIGH', documentation: 'Field names in the record whose values are to be copied or moved to headers.' })
    .define({ name: 'headers', type: 'LIST', defaultValue: NO_DEFAULT, validator: nonEmptyListValidator(), importance: 'HIGH', documentation: 'Header names, in the same order as the field names listed in the fields configuration property.' })
    .define({
      name: 'operation', type: 'STRING', defaultValue: NO_DEFAULT, validator: ValidString.in('move', 'copy'), importance: 'HIGH',
      documentation: 'Either <code>move</code> if the fields are to be moved to the headers (removed from the key/value), or <code>copy</code> if the fields are to be copied to the headers (retained in the key/value).',
    })
    .define(REPLACE_NULL_WITH_DEFAULT_KEY);
}

const CONFIG_DEF = headerFromConfigDef();

export class HeaderFrom<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #fields: readonly string[] = [];
  #headers: readonly string[] = [];
  #move = false;
  #replaceNullWithDefault = true;
  readonly #moveSchemaCache = new SchemaCache();

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, props);
    this.#fields = config.getList('fields') ?? [];
    this.#headers = config.getList('headers') ?? [];
    if (this.#headers.length !== this.#fields.length) throw new ConfigException("'fields' config must have the same number of elements as 'headers' config.");
    this.#move = config.getString('operation') === 'move';
    this.#replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
  }

  apply(record: R): R | null {
    const schema = this.side.schema(record);
    return schema === null ? this.#applySchemaless(record) : this.#applyWithSchema(record, schema);
  }

  #applyWithSchema(record: R, schema: Schema): R {
    const headers = record.headers.duplicate();
    const value = requireStruct(this.side.value(record), `header ${this.#operation()}`);
    let updatedSchema = schema;
    let updatedValue = value;
    if (this.#move) {
      updatedSchema = this.#moveSchemaCache.getOrBuild(schema, (s) => this.#movedSchema(s));
      updatedValue = new Struct(updatedSchema);
      for (const field of updatedSchema.fields) putCopied(updatedValue, field, this.#valueOf(value, field.name));
    }
    for (let i = 0; i < this.#fields.length; i++) {
      const fieldName = this.#fields[i] as string;
      const field = schema.field(fieldName);
      // Kafka fails here with a NullPointerException.
      if (field === undefined) throw new DataError(`Field does not exist: ${fieldName}`);
      headers.add(this.#headers[i] as string, value.schema.field(fieldName) ? this.#valueOf(value, fieldName) : null, field.schema);
    }
    return this.side.update(record, updatedSchema, updatedValue, headers);
  }

  #applySchemaless(record: R): R {
    const headers = record.headers.duplicate();
    const value = requireMap(this.side.value(record), `header ${this.#operation()}`);
    const updated = copyMap(value);
    for (let i = 0; i < this.#fields.length; i++) {
      const fieldName = this.#fields[i] as string;
      if (this.#move) updated.delete(fieldName);
      headers.add(this.#headers[i] as string, value.get(fieldName) ?? null, null);
    }
    return this.side.update(record, null, updated, headers);
  }

  #movedSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) if (!this.#fields.includes(field.name)) builder.field(field.name, field.schema);
    return builder.build();
  }

  #valueOf(struct: Struct, fieldName: string): unknown {
    return this.#replaceNullWithDefault ? struct.get(fieldName) : struct.getWithoutDefault(fieldName);
  }

  #operation(): string {
    return this.#move ? 'move' : 'copy';
  }

  config(): ConfigDef {
    return headerFromConfigDef();
  }

  close(): void {
    this.#moveSchemaCache.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const headerFromKeyDescriptor = transformationDescriptor(`${HEADER_FROM_CLASS}$Key`, headerFromConfigDef, () => new HeaderFrom(KEY));
export const headerFromValueDescriptor = transformationDescriptor(`${HEADER_FROM_CLASS}$Value`, headerFromConfigDef, () => new HeaderFrom(VALUE));
