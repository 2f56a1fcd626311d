import { DataError } from '#lib/errors';
import { isValueOfSchema } from './value-types';
import type { SchemaAndValue } from './schema-and-value';

/**
 * Kafka's `ConnectHeaders.checkSchemaMatches`: a null value needs an optional schema, and a value must
 * have the representation of its schema's type (shallowly; Decimal, Date, Time and Timestamp by name).
 */
export function checkHeaderSchemaMatches(schemaAndValue: SchemaAndValue | null): void {
  const schema = schemaAndValue?.schema;
  if (schemaAndValue === null || schema === null || schema === undefined) return;
  const value = schemaAndValue.value;
  if (value === null || value === undefined) {
    if (!schema.optional) throw new DataError(`A null value requires an optional schema but was ${schema.toString()}`);
    return;
  }
  if (!isValueOfSchema(schema, value)) {
    throw new DataError(`The value ${String(value)} is not compatible with the schema ${schema.toString()}`);
  }
}
