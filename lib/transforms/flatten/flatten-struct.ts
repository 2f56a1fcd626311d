/**
 * Flatten with a schema. A flattened field is optional when it or any ancestor is, and takes its
 * default from its own schema or else from the nearest ancestor's default Struct. The flattened
 * schema comes with a plan (one entry per leaf field: the path of nested struct fields to it and its
 * target field), built once per input schema so a record is copied without name lookups.
 */
import type { Field } from '#lib/data/field';
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Struct } from '#lib/data/struct';
import { DataError } from '#lib/errors';
import { copySchemaBasics } from '../util/schema-util';

interface Leaf {
  /** The nested STRUCT fields leading to the leaf's parent, outermost first. */
  readonly path: readonly Field[];
  readonly field: Field;
  readonly target: Field;
}

export interface FlattenPlan {
  readonly schema: Schema;
  readonly leaves: readonly Leaf[];
}

export function flattenPlan(schema: Schema, delimiter: string): FlattenPlan {
  const builder = copySchemaBasics(schema, SchemaBuilder.struct());
  const sources: Omit<Leaf, 'target'>[] = [];
  addFlattenedFields(schema, '', [], builder, schema.optional, (schema.defaultValue as Struct | undefined) ?? null, delimiter, sources);
  const flattened = builder.build();
  return { schema: flattened, leaves: sources.map((leaf, i) => ({ ...leaf, target: flattened.fields[i] as Field })) };
}

function addFlattenedFields(
  schema: Schema, prefix: string, path: readonly Field[], target: SchemaBuilder, optional: boolean, defaultFromParent: Struct | null, delimiter: string, leaves: Omit<Leaf, 'target'>[],
): void {
  for (const field of schema.fields) {
    const name = prefix === '' ? field.name : prefix + delimiter + field.name;
    const fieldOptional = optional || field.schema.optional;
    const fieldDefault = field.schema.defaultValue !== undefined ? field.schema.defaultValue : (defaultFromParent?.get(field) ?? null);
    switch (field.schema.type) {
      case 'STRUCT':
        addFlattenedFields(field.schema, name, [...path, field], target, fieldOptional, fieldDefault as Struct | null, delimiter, leaves);
        break;
      case 'MAP':
        throw new DataError(`Flatten transformation does not support MAP for record with schemas (for field ${name}).`);
      default:
        target.field(name, flattenedFieldSchema(field.schema, fieldOptional, fieldDefault));
        leaves.push({ path, field });
    }
  }
}

function flattenedFieldSchema(original: Schema, optional: boolean, defaultValue: unknown): Schema {
  const builder = copySchemaBasics(original);
  if (optional) builder.optional();
  if (defaultValue !== null && defaultValue !== undefined) builder.defaultValue(defaultValue);
  return builder.build();
}

/**
 * The record's leaves copied into a Struct of the flattened schema. A value read from a valid
 * Struct is valid for its flattened copy (same type, at most more optional), so only nulls are
 * checked again; nested structs are read without their defaults, as Kafka's `getStruct` does.
 */
export function flattenStruct(struct: Struct, plan: FlattenPlan): Struct {
  const target = new Struct(plan.schema);
  for (const leaf of plan.leaves) {
    let parent: Struct | null = struct;
    for (const step of leaf.path) {
      parent = parent.getStruct(step.name);
      if (parent === null) break;
    }
    if (parent === null) continue;
    const value = parent.get(leaf.field);
    if (value === null || value === undefined) target.put(leaf.target, null);
    else target.putTrusted(leaf.target, value);
  }
  return target;
}
