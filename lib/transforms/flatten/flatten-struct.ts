/**
 * Flatten with a schema. A flattened field is optional when it or any ancestor is, and takes its
 * default from its own schema or else from the nearest ancestor's default Struct.
 */
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import type { Struct } from '#lib/data/struct';
import { DataError } from '#lib/errors';
import { copySchemaBasics } from '../util/schema-util';

export function flattenedSchema(schema: Schema, delimiter: string): Schema {
  const builder = copySchemaBasics(schema, SchemaBuilder.struct());
  addFlattenedFields(schema, '', builder, schema.optional, (schema.defaultValue as Struct | undefined) ?? null, delimiter);
  return builder.build();
}

function addFlattenedFields(schema: Schema, prefix: string, target: SchemaBuilder, optional: boolean, defaultFromParent: Struct | null, delimiter: string): void {
  for (const field of schema.fields) {
    const name = prefix === '' ? field.name : prefix + delimiter + field.name;
    const fieldOptional = optional || field.schema.optional;
    const fieldDefault = field.schema.defaultValue !== undefined ? field.schema.defaultValue : (defaultFromParent?.get(field) ?? null);
    switch (field.schema.type) {
      case 'STRUCT':
        addFlattenedFields(field.schema, name, target, fieldOptional, fieldDefault as Struct | null, delimiter);
        break;
      case 'MAP':
        throw unsupported(field.schema.type, name);
      default:
        target.field(name, flattenedFieldSchema(field.schema, fieldOptional, fieldDefault));
    }
  }
}

function flattenedFieldSchema(original: Schema, optional: boolean, defaultValue: unknown): Schema {
  const builder = copySchemaBasics(original);
  if (optional) builder.optional();
  if (defaultValue !== null && defaultValue !== undefined) builder.defaultValue(defaultValue);
  return builder.build();
}

export function flattenStruct(struct: Struct, prefix: string, target: Struct, delimiter: string): void {
  for (const field of struct.schema.fields) {
    const name = prefix === '' ? field.name : prefix + delimiter + field.name;
    switch (field.schema.type) {
      case 'STRUCT': {
        // Kafka reads nested structs without falling back to defaults (Struct.getStruct).
        const nested = struct.getStruct(field.name);
        if (nested !== null) flattenStruct(nested, name, target, delimiter);
        break;
      }
      case 'MAP':
        throw unsupported(field.schema.type, name);
      default:
        target.put(name, struct.get(field));
    }
  }
}

function unsupported(type: string, name: string): DataError {
  return new DataError(`Flatten transformation does not support ${type} for record with schemas (for field ${name}).`);
}
