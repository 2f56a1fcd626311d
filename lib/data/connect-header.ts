import type { Schema } from './schema';
import { SchemaAndValue } from './schema-and-value';
import { Struct } from './struct';
import { valuesEqual } from './values-equal';

/** One record header: a key (not unique within a record) and a SchemaAndValue. Immutable. */
export class ConnectHeader {
  readonly key: string;
  readonly schemaAndValue: SchemaAndValue;

  constructor(key: string, schemaAndValue: SchemaAndValue | null = SchemaAndValue.NULL) {
    if (key === null || key === undefined) throw new TypeError('Null header keys are not permitted');
    this.key = key;
    this.schemaAndValue = schemaAndValue ?? SchemaAndValue.NULL;
  }

  get value(): unknown {
    return this.schemaAndValue.value;
  }

  /** The schema, or a Struct value's own schema when none was given. */
  get schema(): Schema | null {
    const schema = this.schemaAndValue.schema;
    return schema === null && this.value instanceof Struct ? this.value.schema : schema;
  }

  /** A header with the same key and a new schema and value. */
  with(schema: Schema | null, value: unknown): ConnectHeader {
    return new ConnectHeader(this.key, new SchemaAndValue(schema, value));
  }

  rename(key: string): ConnectHeader {
    return key === this.key ? this : new ConnectHeader(key, this.schemaAndValue);
  }

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof ConnectHeader) || other.key !== this.key) return false;
    const a = this.schema;
    const b = other.schema;
    return (a === null ? b === null : a.equals(b)) && valuesEqual(this.value, other.value);
  }

  toString(): string {
    return `ConnectHeader(key=${this.key}, value=${String(this.value)}, schema=${String(this.schema)})`;
  }
}
