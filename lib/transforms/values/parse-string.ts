/**
 * Kafka's `Values.parseString`: the schema and value a string spells, as InsertHeader reads
 * `value.literal` (and SimpleHeaderConverter reads header text): `"42"` → INT8 42, `"true"` →
 * BOOLEAN, `"[1,2]"` → ARRAY of INT8, `"2024-01-31"` → Date, anything else → that STRING.
 * Returns null for the literal `null`.
 */
import { SchemaAndValue } from '#lib/data/schema-and-value';
import { Schema } from '#lib/data/schemas';
import { ValuesParser } from './values-parser';
import { ValuesTokenizer } from './values-tokenizer';

export function parseString(value: string | null): SchemaAndValue | null {
  if (value === null) return SchemaAndValue.NULL;
  if (value === '') return new SchemaAndValue(Schema.STRING_SCHEMA, value);
  return new ValuesParser(new ValuesTokenizer(value)).parse(false);
}
