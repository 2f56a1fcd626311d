import type { Field } from './field';
import type { SchemaType } from './schema-type';

/**
 * A Connect schema (Kafka's `org.apache.kafka.connect.data.Schema`). Instances are immutable
 * `ConnectSchema`s, normally made with `SchemaBuilder`.
 *
 * Value representation per type: INT8/INT16/INT32 → integral `number` in range; INT64 → `bigint`
 * (a safe-integer `number` is accepted on input and normalised to `bigint` by `Struct.put`);
 * FLOAT32/FLOAT64 → `number`; BOOLEAN → `boolean`; STRING → `string`; BYTES → `Uint8Array`
 * (Buffer included); ARRAY → `unknown[]`; MAP → `Map<unknown, unknown>`; STRUCT → `Struct`;
 * absent → `null`. Logical types: Decimal → `BigDecimal`, Date/Time/Timestamp → JS `Date`.
 */
export interface Schema {
  readonly type: SchemaType;
  readonly optional: boolean;
  /** The default value, or undefined when the schema has none. */
  readonly defaultValue: unknown;
  readonly name: string | undefined;
  readonly version: number | undefined;
  readonly doc: string | undefined;
  /** Parameters in insertion order (they are serialised in that order). */
  readonly parameters: ReadonlyMap<string, string> | undefined;
  /** MAP only; throws a DataError for other types, like Kafka. May be undefined for schemas from `Values`. */
  readonly keySchema: Schema | undefined;
  /** ARRAY and MAP only; throws a DataError for other types. */
  readonly valueSchema: Schema | undefined;
  /** STRUCT only, in declaration order; throws a DataError for other types. */
  readonly fields: readonly Field[];
  /** STRUCT only: the field with that name, or undefined. */
  field(name: string): Field | undefined;
  /** Kafka's schema equality: every attribute, fields, key/value schemas and the default value. */
  equals(other: unknown): boolean;
  toString(): string;
}
