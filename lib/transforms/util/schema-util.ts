/**
 * Kafka's `transforms.util.SchemaUtil.copySchemaBasics`: name, version, doc and parameters of a
 * schema copied onto a builder. Optionality and the default value are deliberately not copied.
 */
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';

export function copySchemaBasics(source: Schema, builder: SchemaBuilder = builderOfSameType(source)): SchemaBuilder {
  if (source.name !== undefined) builder.name(source.name);
  if (source.version !== undefined) builder.version(source.version);
  if (source.doc !== undefined) builder.doc(source.doc);
  if (source.parameters !== undefined) builder.parameters(source.parameters);
  return builder;
}

function builderOfSameType(source: Schema): SchemaBuilder {
  if (source.type !== 'ARRAY') return new SchemaBuilder(source.type);
  const elements = source.valueSchema;
  return elements === undefined ? SchemaBuilder.arrayOfUnknown() : SchemaBuilder.array(elements);
}
