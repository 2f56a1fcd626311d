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
  validate(schema, value, fieldName, '');
}

/**
 * `fieldName` and `path` (what encloses the value, innermost first: `key of map element of array `)
 * make Kafka's location text; it is only built for a message, so a valid value costs no string.
 */
function validate(schema: Schema, value: unknown, fieldName: string | undefined, path: string): void {
  if (value === null || value === undefined) {
    if (!schema.optional) {
      throw new DataError(`Invalid value: null used for required ${location(fieldName, path)}, schema type: ${schema.type}`);
    }
    return;
  }
  if (!isValueOfSchema(schema, value)) {
    const name = schema.name === undefined ? '' : ` "${schema.name}"`;
    throw new DataError(`Invalid Java object for schema${name} with type ${schema.type}: ${javaClassOf(value)} for ${location(fieldName, path)}`);
  }
  switch (schema.type) {
    case 'STRUCT': {
      const struct = value as Struct;
      if (!struct.schema.equals(schema)) throw new DataError('Struct schemas do not match.');
      struct.validate();
      return;
    }
    case 'ARRAY': {
      const entryPath = `element of array ${path}`;
      const elementSchema = required(schema.valueSchema, fieldName, entryPath);
      for (const element of value as unknown[]) validate(elementSchema, element, fieldName, entryPath);
      return;
    }
    case 'MAP': {
      const keyPath = `key of map ${path}`;
      const valuePath = `value of map ${path}`;
      const keySchema = required(schema.keySchema, fieldName, keyPath);
      const valueSchema = required(schema.valueSchema, fieldName, valuePath);
      for (const [k, v] of value as Map<unknown, unknown>) {
        validate(keySchema, k, fieldName, keyPath);
        validate(valueSchema, v, fieldName, valuePath);
      }
      return;
    }
    default:
      return;
  }
}

function location(fieldName: string | undefined, path: string): string {
  return `${path}${fieldName === undefined ? 'value' : `field: "${fieldName}"`}`;
}

function required(schema: Schema | undefined, fieldName: string | undefined, path: string): Schema {
  if (schema === undefined) throw new DataError(`No schema defined for ${location(fieldName, path)}`);
  return schema;
}
