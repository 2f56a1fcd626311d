import { DataError } from '#lib/errors';
import type { Field } from './field';
import type { Schema } from './schema';
import type { SchemaType } from './schema-type';
import { validateValue } from './validate-value';
import { valuesEqual } from './values-equal';

/** Everything a ConnectSchema holds; absent attributes are undefined. */
export interface ConnectSchemaInit {
  type: SchemaType;
  optional?: boolean;
  defaultValue?: unknown;
  name?: string | undefined;
  version?: number | undefined;
  doc?: string | undefined;
  parameters?: ReadonlyMap<string, string> | undefined;
  fields?: readonly Field[] | undefined;
  keySchema?: Schema | undefined;
  valueSchema?: Schema | undefined;
}

/** The immutable Schema implementation (Kafka's ConnectSchema). Prefer `SchemaBuilder` to constructing one. */
export class ConnectSchema implements Schema {
  readonly type: SchemaType;
  readonly optional: boolean;
  readonly defaultValue: unknown;
  readonly name: string | undefined;
  readonly version: number | undefined;
  readonly doc: string | undefined;
  readonly parameters: ReadonlyMap<string, string> | undefined;
  readonly #fields: readonly Field[] | undefined;
  readonly #fieldsByName: ReadonlyMap<string, Field> | undefined;
  readonly #keySchema: Schema | undefined;
  readonly #valueSchema: Schema | undefined;

  constructor(init: ConnectSchemaInit) {
    this.type = init.type;
    this.optional = init.optional ?? false;
    this.defaultValue = init.defaultValue ?? undefined;
    this.name = init.name;
    this.version = init.version;
    this.doc = init.doc;
    this.parameters = init.parameters;
    if (this.type === 'STRUCT') {
      this.#fields = Object.freeze([...(init.fields ?? [])]);
      this.#fieldsByName = new Map(this.#fields.map((f) => [f.name, f]));
    }
    this.#keySchema = init.keySchema;
    this.#valueSchema = init.valueSchema;
  }

  get fields(): readonly Field[] {
    if (this.#fields === undefined) throw new DataError('Cannot list fields on non-struct type');
    return this.#fields;
  }

  field(name: string): Field | undefined {
    if (this.#fieldsByName === undefined) throw new DataError('Cannot look up fields on non-struct type');
    return this.#fieldsByName.get(name);
  }

  get keySchema(): Schema | undefined {
    if (this.type !== 'MAP') throw new DataError('Cannot look up key schema on non-map type');
    return this.#keySchema;
  }

  get valueSchema(): Schema | undefined {
    if (this.type !== 'MAP' && this.type !== 'ARRAY') {
      throw new DataError('Cannot look up value schema on non-array and non-map type');
    }
    return this.#valueSchema;
  }

  /** Kafka's static `ConnectSchema.validateValue(schema, value)` / `(field, schema, value)`; see `validateValue`. */
  static validateValue(schema: Schema, value: unknown, fieldName?: string): void {
    validateValue(schema, value, fieldName);
  }

  /** Throws a DataError unless the value matches this schema. */
  validateValue(value: unknown): void {
    validateValue(this, value);
  }

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof ConnectSchema)) return false;
    return (
      this.type === other.type &&
      this.optional === other.optional &&
      this.version === other.version &&
      this.name === other.name &&
      this.doc === other.doc &&
      valuesEqual(this.defaultValue, other.defaultValue) &&
      fieldsEqual(this.#fields, other.#fields) &&
      schemasEqual(this.#keySchema, other.#keySchema) &&
      schemasEqual(this.#valueSchema, other.#valueSchema) &&
      parametersEqual(this.parameters, other.parameters)
    );
  }

  toString(): string {
    return this.name === undefined ? `Schema{${this.type}}` : `Schema{${this.name}:${this.type}}`;
  }
}

function schemasEqual(a: Schema | undefined, b: Schema | undefined): boolean {
  return a === b || (a !== undefined && a.equals(b));
}

function fieldsEqual(a: readonly Field[] | undefined, b: readonly Field[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((field, i) => field.equals(b[i]));
}

function parametersEqual(a: ReadonlyMap<string, string> | undefined, b: ReadonlyMap<string, string> | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
