export { BigDecimal } from './big-decimal';
export { ConnectDecimal } from './connect-decimal';
export { ConnectHeader } from './connect-header';
export { ConnectHeaders, type HeaderTransform } from './connect-headers';
export { ConnectSchema, type ConnectSchemaInit } from './connect-schema';
export { ConnectDate, ConnectTime, ConnectTimestamp } from './connect-temporal';
export { SchemaBuilderError } from './errors';
export { Field } from './field';
export { javaClassOf } from './java-class';
export {
  DATE_LOGICAL_NAME,
  DECIMAL_LOGICAL_NAME,
  DECIMAL_SCALE_FIELD,
  MILLIS_PER_DAY,
  TIME_LOGICAL_NAME,
  TIMESTAMP_LOGICAL_NAME,
} from './logical-names';
export { SchemaAndValue } from './schema-and-value';
export { SchemaBuilder } from './schema-builder';
export { SCHEMA_TYPES, isPrimitiveType, type SchemaType } from './schema-type';
export { Schema } from './schemas';
export { Struct } from './struct';
export { bigIntToBytes, bytesToBigInt } from './two-complement';
export { validateValue } from './validate-value';
export { Values } from './values';
export { isValueOfSchema, isValueOfType, normalizeValue } from './value-types';
export { bytesEqual, valuesEqual } from './values-equal';
