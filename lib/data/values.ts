import { SchemaAndValue } from './schema-and-value';
import type { Schema } from './schema';
import { Schema as Schemas } from './schemas';
import { valueToString } from './values-convert';
import { ValuesParser } from './values-parser';

/**
 * The parts of Kafka's `org.apache.kafka.connect.data.Values` that SimpleHeaderConverter relies on:
 * a value to its string form, and a string back to the best schema and value.
 */
export const Values = Object.freeze({
  /**
   * The schema and value a string stands for: `null`, booleans, integers in the smallest type that
   * holds them, floats (FLOAT32 when finite as a float), big integers as Decimal, ISO-8601 dates, times
   * and timestamps, `[…]` arrays and `{…}` maps of those (quoted strings inside), anything else as the
   * string itself. Returns null for the literal `null`.
   */
  parseString(value: string | null): SchemaAndValue | null {
    if (value === null) return SchemaAndValue.NULL;
    if (value === '') return new SchemaAndValue(Schemas.STRING_SCHEMA, value);
    return new ValuesParser(value).parse(false);
  },

  /** Kafka's `Values.convertToString`: the form `parseString` reads back (null for null). */
  convertToString(schema: Schema | null | undefined, value: unknown): string | null {
    return value === null || value === undefined ? null : valueToString(value, schema);
  },
});
