import type { Schema } from '#lib/data/index';
import { quoteJsonString } from './json-string';
import type { JsonConversionOptions } from './json-write-options';
import { writeJson } from './to-json';

/** Kafka's JSON type names (JsonSchema.*_TYPE_NAME). */
export const JSON_TYPE_NAMES = {
  INT8: 'int8', INT16: 'int16', INT32: 'int32', INT64: 'int64', FLOAT32: 'float', FLOAT64: 'double',
  BOOLEAN: 'boolean', STRING: 'string', BYTES: 'bytes', ARRAY: 'array', MAP: 'map', STRUCT: 'struct',
} as const;

/**
 * Kafka's `JsonConverter.asJsonSchema` as compact JSON text, member order as Jackson writes Kafka's
 * ObjectNode: type, items | keys, values | fields (each field's schema followed by "field"), optional,
 * name, version, doc, parameters, default. `fieldSchema` memoises nested schemas (the converter's cache).
 */
export function writeJsonSchema(
  schema: Schema,
  options: JsonConversionOptions,
  nested: (schema: Schema) => string = (s) => writeJsonSchema(s, options),
): string {
  let out = `{"type":"${JSON_TYPE_NAMES[schema.type]}"`;
  switch (schema.type) {
    case 'ARRAY':
      out += `,"items":${schemaOrNull(schema.valueSchema, nested)}`;
      break;
    case 'MAP':
      out += `,"keys":${schemaOrNull(schema.keySchema, nested)},"values":${schemaOrNull(schema.valueSchema, nested)}`;
      break;
    case 'STRUCT':
      out += `,"fields":[${schema.fields.map((f) => `${nested(f.schema).slice(0, -1)},"field":${quoteJsonString(f.name)}}`).join(',')}]`;
      break;
    default:
      break;
  }
  out += `,"optional":${schema.optional}`;
  if (schema.name !== undefined) out += `,"name":${quoteJsonString(schema.name)}`;
  if (schema.version !== undefined) out += `,"version":${schema.version}`;
  if (schema.doc !== undefined) out += `,"doc":${quoteJsonString(schema.doc)}`;
  if (schema.parameters !== undefined) {
    const params = [...schema.parameters].map(([k, v]) => `${quoteJsonString(k)}:${quoteJsonString(v)}`);
    out += `,"parameters":{${params.join(',')}}`;
  }
  if (schema.defaultValue !== undefined) out += `,"default":${writeJson(schema, schema.defaultValue, options)}`;
  return `${out}}`;
}

function schemaOrNull(schema: Schema | undefined, nested: (schema: Schema) => string): string {
  return schema === undefined ? 'null' : nested(schema);
}
