import type { Schema as SchemaShape } from './schema';
import { SchemaBuilder } from './schema-builder';

/** A Connect schema; see `./schema` for the value representation of each type. */
export type Schema = SchemaShape;

/** Kafka's predefined schemas (`Schema.INT32_SCHEMA`, `Schema.OPTIONAL_STRING_SCHEMA`, ...). */
export const Schema = Object.freeze({
  INT8_SCHEMA: SchemaBuilder.int8().build(),
  INT16_SCHEMA: SchemaBuilder.int16().build(),
  INT32_SCHEMA: SchemaBuilder.int32().build(),
  INT64_SCHEMA: SchemaBuilder.int64().build(),
  FLOAT32_SCHEMA: SchemaBuilder.float32().build(),
  FLOAT64_SCHEMA: SchemaBuilder.float64().build(),
  BOOLEAN_SCHEMA: SchemaBuilder.bool().build(),
  STRING_SCHEMA: SchemaBuilder.string().build(),
  BYTES_SCHEMA: SchemaBuilder.bytes().build(),
  OPTIONAL_INT8_SCHEMA: SchemaBuilder.int8().optional().build(),
  OPTIONAL_INT16_SCHEMA: SchemaBuilder.int16().optional().build(),
  OPTIONAL_INT32_SCHEMA: SchemaBuilder.int32().optional().build(),
  OPTIONAL_INT64_SCHEMA: SchemaBuilder.int64().optional().build(),
  OPTIONAL_FLOAT32_SCHEMA: SchemaBuilder.float32().optional().build(),
  OPTIONAL_FLOAT64_SCHEMA: SchemaBuilder.float64().optional().build(),
  OPTIONAL_BOOLEAN_SCHEMA: SchemaBuilder.bool().optional().build(),
  OPTIONAL_STRING_SCHEMA: SchemaBuilder.string().optional().build(),
  OPTIONAL_BYTES_SCHEMA: SchemaBuilder.bytes().optional().build(),
});
