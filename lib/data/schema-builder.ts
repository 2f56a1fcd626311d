import { DataError } from '#lib/errors';
import { ConnectSchema } from './connect-schema';
import { SchemaBuilderError } from './errors';
import { Field } from './field';
import type { Schema } from './schema';
import type { SchemaType } from './schema-type';
import { validateValue } from './validate-value';
import { normalizeValue } from './value-types';

/**
 * Fluent construction of schemas, like Kafka's SchemaBuilder:
 * `SchemaBuilder.struct().name('x').field('id', Schema.INT64_SCHEMA).optional().build()`.
 * Each attribute can be set once (setting it again to a different value throws a SchemaBuilderError);
 * `defaultValue` is validated against the schema as built so far.
 */
export class SchemaBuilder {
  readonly type: SchemaType;
  #optional: boolean | undefined;
  #defaultValue: unknown;
  #name: string | undefined;
  #version: number | undefined;
  #doc: string | undefined;
  #parameters: Map<string, string> | undefined;
  #fields: Map<string, Field> | undefined;
  #keySchema: Schema | undefined;
  #valueSchema: Schema | undefined;

  constructor(type: SchemaType) {
    if (type === null || type === undefined) throw new SchemaBuilderError('type cannot be null');
    this.type = type;
    if (type === 'STRUCT') this.#fields = new Map();
  }

  static type(type: SchemaType): SchemaBuilder { return new SchemaBuilder(type); }
  static int8(): SchemaBuilder { return new SchemaBuilder('INT8'); }
  static int16(): SchemaBuilder { return new SchemaBuilder('INT16'); }
  static int32(): SchemaBuilder { return new SchemaBuilder('INT32'); }
  static int64(): SchemaBuilder { return new SchemaBuilder('INT64'); }
  static float32(): SchemaBuilder { return new SchemaBuilder('FLOAT32'); }
  static float64(): SchemaBuilder { return new SchemaBuilder('FLOAT64'); }
  static bool(): SchemaBuilder { return new SchemaBuilder('BOOLEAN'); }
  static string(): SchemaBuilder { return new SchemaBuilder('STRING'); }
  static bytes(): SchemaBuilder { return new SchemaBuilder('BYTES'); }
  static struct(): SchemaBuilder { return new SchemaBuilder('STRUCT'); }

  static array(valueSchema: Schema): SchemaBuilder {
    if (valueSchema == null) throw new SchemaBuilderError('valueSchema cannot be null.');
    const builder = new SchemaBuilder('ARRAY');
    builder.#valueSchema = valueSchema;
    return builder;
  }

  static map(keySchema: Schema, valueSchema: Schema): SchemaBuilder {
    if (keySchema == null) throw new SchemaBuilderError('keySchema cannot be null.');
    if (valueSchema == null) throw new SchemaBuilderError('valueSchema cannot be null.');
    const builder = new SchemaBuilder('MAP');
    builder.#keySchema = keySchema;
    builder.#valueSchema = valueSchema;
    return builder;
  }

  /** ARRAY/MAP schemas whose element, key or value schema is unknown (what Kafka's Values infers for mixed content). */
  static arrayOfUnknown(): SchemaBuilder { return new SchemaBuilder('ARRAY'); }
  static mapOf(keySchema: Schema | undefined, valueSchema: Schema | undefined): SchemaBuilder {
    const builder = new SchemaBuilder('MAP');
    builder.#keySchema = keySchema;
    builder.#valueSchema = valueSchema;
    return builder;
  }

  get isOptional(): boolean { return this.#optional === true; }

  optional(): this {
    checkCanSet('optional', this.#optional, true);
    this.#optional = true;
    return this;
  }

  required(): this {
    checkCanSet('optional', this.#optional, false);
    this.#optional = false;
    return this;
  }

  /** Sets the default; values are normalised like Struct.put's (INT64 → bigint, FLOAT32 → float32). Null clears nothing and sets nothing. */
  defaultValue(value: unknown): this {
    checkCanSet('default', this.#defaultValue, value);
    const normalised = normalizeValue(this.type, value);
    try {
      validateValue(this.build(), normalised);
    } catch (err) {
      if (err instanceof DataError) throw new SchemaBuilderError('Invalid default value', { cause: err });
      throw err;
    }
    this.#defaultValue = normalised ?? undefined;
    return this;
  }

  name(name: string): this {
    checkCanSet('name', this.#name, name);
    this.#name = name;
    return this;
  }

  version(version: number): this {
    checkCanSet('version', this.#version, version);
    this.#version = version;
    return this;
  }

  doc(doc: string): this {
    checkCanSet('doc', this.#doc, doc);
    this.#doc = doc;
    return this;
  }

  parameter(key: string, value: string): this {
    (this.#parameters ??= new Map()).set(key, value);
    return this;
  }

  /** Adds parameters in iteration order; an empty collection leaves the schema without parameters. */
  parameters(params: ReadonlyMap<string, string> | Readonly<Record<string, string>>): this {
    const entries = params instanceof Map ? [...params] : Object.entries(params);
    for (const [key, value] of entries) this.parameter(key, value);
    return this;
  }

  field(fieldName: string, fieldSchema: Schema): this {
    if (this.#fields === undefined) throw new SchemaBuilderError(`Cannot create fields on type ${this.type}`);
    if (fieldName == null || fieldName === '') throw new SchemaBuilderError('fieldName cannot be null.');
    if (fieldSchema == null) throw new SchemaBuilderError(`fieldSchema for field ${fieldName} cannot be null.`);
    if (this.#fields.has(fieldName)) {
      throw new SchemaBuilderError(`Cannot create field because of field name duplication ${fieldName}`);
    }
    this.#fields.set(fieldName, new Field(fieldName, this.#fields.size, fieldSchema));
    return this;
  }

  /** The fields added so far (STRUCT only). */
  get fields(): readonly Field[] {
    if (this.#fields === undefined) throw new DataError('Cannot list fields on non-struct type');
    return [...this.#fields.values()];
  }

  build(): Schema {
    return new ConnectSchema({
      type: this.type,
      optional: this.#optional === true,
      defaultValue: this.#defaultValue,
      name: this.#name,
      version: this.#version,
      doc: this.#doc,
      parameters: this.#parameters === undefined ? undefined : new Map(this.#parameters),
      fields: this.#fields === undefined ? undefined : [...this.#fields.values()],
      keySchema: this.#keySchema,
      valueSchema: this.#valueSchema,
    });
  }

  /** Kafka's `SchemaBuilder.schema()`: the same as build(). */
  schema(): Schema {
    return this.build();
  }
}

function checkCanSet(what: string, current: unknown, next: unknown): void {
  if (current !== undefined && current !== null && current !== next) {
    throw new SchemaBuilderError(`Invalid SchemaBuilder call: ${what} has already been set.`);
  }
}
