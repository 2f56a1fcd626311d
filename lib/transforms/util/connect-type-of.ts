/**
 * Kafka's `ConnectSchema.schemaType(value.getClass())` for JS values: the schema type a schemaless
 * value's Java class maps to, or null for classes outside Connect's data API (Date, BigDecimal,
 * BigInteger). Numbers are classified as lib/data's `javaClassName` does (Integer, Long, Double).
 */
import { javaClassName } from '#lib/data/java-class';
import type { SchemaType } from '#lib/data/schema-type';

const TYPES_BY_CLASS: Readonly<Record<string, SchemaType>> = {
  'java.lang.Integer': 'INT32',
  'java.lang.Long': 'INT64',
  'java.lang.Double': 'FLOAT64',
  'java.lang.Boolean': 'BOOLEAN',
  'java.lang.String': 'STRING',
  '[B': 'BYTES',
  'java.util.ArrayList': 'ARRAY',
  'java.util.HashMap': 'MAP',
  'org.apache.kafka.connect.data.Struct': 'STRUCT',
};

export function schemaTypeOf(value: unknown): SchemaType | null {
  return TYPES_BY_CLASS[javaClassName(value)] ?? null;
}
