/**
 * The Java class a Connect value would have in Kafka, which some transformations switch on (MaskField,
 * Cast's string rendering). With a schema it follows the schema (INT8 → Byte, FLOAT32 → Float,
 * logical types → Date / BigDecimal); without one, lib/data's reading of the JS value (Integer, Long, Double…).
 */
import { javaClassName } from '#lib/data/java-class';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import type { Schema } from '#lib/data/schema';
import type { SchemaType } from '#lib/data/schema-type';

const CLASS_BY_TYPE: Readonly<Record<SchemaType, string>> = {
  INT8: 'java.lang.Byte',
  INT16: 'java.lang.Short',
  INT32: 'java.lang.Integer',
  INT64: 'java.lang.Long',
  FLOAT32: 'java.lang.Float',
  FLOAT64: 'java.lang.Double',
  BOOLEAN: 'java.lang.Boolean',
  STRING: 'java.lang.String',
  BYTES: '[B',
  ARRAY: 'java.util.ArrayList',
  MAP: 'java.util.HashMap',
  STRUCT: 'org.apache.kafka.connect.data.Struct',
};

export function javaClassOfValue(schema: Schema | null | undefined, value: unknown): string {
  if (schema === null || schema === undefined) return javaClassName(value);
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      return 'java.math.BigDecimal';
    case DATE_LOGICAL_NAME:
    case TIME_LOGICAL_NAME:
    case TIMESTAMP_LOGICAL_NAME:
      return 'java.util.Date';
    default:
      return CLASS_BY_TYPE[schema.type];
  }
}

/** Whether the class is Float or Double (their conversions saturate instead of wrapping). */
export function isFloatingClass(javaClass: string): boolean {
  return javaClass === 'java.lang.Float' || javaClass === 'java.lang.Double';
}
