import { SchemaBuilder, type Schema } from '#lib/data/index';
import { DataError } from '#lib/errors';
import { intValue, isIntegral } from './json-node-values';
import { isJsonObject, type JsonObject, type JsonValue } from './json-value';
import type { JsonConversionOptions } from './json-write-options';
import { toConnect } from './to-connect';

const BUILDERS: Readonly<Record<string, () => SchemaBuilder>> = {
  boolean: SchemaBuilder.bool, int8: SchemaBuilder.int8, int16: SchemaBuilder.int16, int32: SchemaBuilder.int32,
  int64: SchemaBuilder.int64, float: SchemaBuilder.float32, double: SchemaBuilder.float64, bytes: SchemaBuilder.bytes,
  string: SchemaBuilder.string,
};

/** Kafka's `JsonConverter.asConnectSchema`: a JSON schema (as Kafka writes them) to a Connect schema; JSON null → null. */
export function readJsonSchema(json: JsonValue | undefined, options: JsonConversionOptions): Schema | null {
  if (json === null) return null;
  const node: JsonObject = isJsonObject(json) ? json : new Map();
  const type = node.get('type');
  if (typeof type !== 'string') throw new DataError("Schema must contain 'type' field");
  const builder = typedBuilder(type, node, options);
  const optional = node.get('optional');
  if (optional === true) builder.optional();
  else builder.required();
  const name = node.get('name');
  if (typeof name === 'string') builder.name(name);
  const version = node.get('version');
  if (isIntegral(version)) builder.version(intValue(version));
  const doc = node.get('doc');
  if (typeof doc === 'string') builder.doc(doc);
  const params = node.get('parameters');
  if (isJsonObject(params)) {
    for (const [key, value] of params) {
      if (typeof value !== 'string') throw new DataError('Schema parameters must have string values.');
      builder.parameter(key, value);
    }
  }
  if (node.has('default')) {
    const ctx = { options, strict: true, sawNullForRequired: false };
    builder.defaultValue(toConnect(builder.build(), node.get('default'), ctx));
  }
  return builder.build();
}

function typedBuilder(type: string, node: JsonObject, options: JsonConversionOptions): SchemaBuilder {
  const primitive = BUILDERS[type];
  if (primitive !== undefined) return primitive();
  switch (type) {
    case 'array': {
      const items = node.get('items');
      if (items === undefined || items === null) throw new DataError('Array schema did not specify the element type');
      return SchemaBuilder.array(readJsonSchema(items, options) as Schema);
    }
    case 'map': {
      const keys = node.get('keys');
      if (keys === undefined) throw new DataError('Map schema did not specify the key type');
      const values = node.get('values');
      if (values === undefined) throw new DataError('Map schema did not specify the value type');
      return SchemaBuilder.map(readJsonSchema(keys, options) as Schema, readJsonSchema(values, options) as Schema);
    }
    case 'struct': {
      const builder = SchemaBuilder.struct();
      const fields = node.get('fields');
      if (!Array.isArray(fields)) throw new DataError('Struct schema\'s "fields" argument is not an array.');
      for (const field of fields) {
        const fieldName = isJsonObject(field) ? field.get('field') : undefined;
        if (typeof fieldName !== 'string') throw new DataError("Struct schema's field name not specified properly");
        builder.field(fieldName, readJsonSchema(field, options) as Schema);
      }
      return builder;
    }
    default:
      throw new DataError(`Unknown schema type: ${type}`);
  }
}
