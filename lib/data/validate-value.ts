import { DataError } from '#lib/errors';
import { javaClassOf } from './java-class';
import type { Schema } from './schema';
import type { Struct } from './struct';
import { isValueOfSchema } from './value-types';

/**
 * Kafka's `ConnectSchema.validateValue`: throws a DataError, with Kafka's message, unless the value
 * matches the schema's type and nullability (recursively for arrays, maps and structs).
 * `fieldName` only shapes the message (`for field: "x"` instead of `for value`).
 */
export function validateValue(schema: Schema, value: unknown, fieldName?: string): void {
  validate(schema, value, fieldName === undefined ? 'value' : `field: "${fieldName}"`);
}

function validate(schema: Schema, value: unknown, location: string): void {
  if (value === null || value === undefined) {
    if (!schema.optional) {
      throw new DataError(`Invalid value: null used for required ${location}, schema type: ${schema.type}`);
    }
    return;
  }
  if (!isValueOfSchema(schema, value)) {
    const name = schema.name === undefined ? '' : ` "${schema.name}"`;
    throw new DataError(`Invalid Java object for schema${name} with type ${schema.type}: ${javaClassOf(value)} for ${location}`);
  }
  switch (schema.type) {
    case 'STRUCT': {
      const struct = value as Struct;
      if (!struct.schema.equals(schema)) throw new DataError('Struct schemas do not match.');
      struct.validate();
      return;
    }
    case 'ARRAY': {
      const entryLocation = `element of array ${location}`;
      const elementSchema = required(schema.valueSchema, entryLocation);
      for (const element of value as unknown[]) validate(elementSchema, element, entryLocation);
      return;
    }
    case 'MAP': {
      const keyLocation = `key of map ${location}`;
      const valueLocation = `value of map ${location}`;
      const keySchema = required(schema.keySchema, keyLocation);
      const valueSchema = required(schema.valueSchema, valueLocation);
      for (const [k, v] of value as Map<unknown, unknown>) {
        validate(keySchema, k, keyLocation);
        validate(valueSchema, v, valueLocation);
      }
      return;
    }
    default:
      return;
  }
}

function required(schema: Schema | undefined, location: string): Schema {
  if (schema === undefined) throw new DataError(`No schema defined for ${location}`);
  return schema;
}
