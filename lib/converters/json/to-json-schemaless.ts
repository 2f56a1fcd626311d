import { Struct, javaClassOf } from '#lib/data/index';
import { javaDoubleToString } from '#lib/data/java-number-format';
import { DataError } from '#lib/errors';
import { encodeBase64 } from './base64';
import { quoteJsonString } from './json-string';
import type { JsonConversionOptions } from './json-write-options';
import { writeMapEntries } from './to-json-map';

/**
 * A value without schema, typed by its JS representation as Kafka types Java classes: strings,
 * booleans, bigints and safe-integer numbers as integers, other numbers as doubles (`2.5`, `1.0E20`), bytes as base64,
 * arrays, Maps (an object when every key is a string). Structs, Dates and decimals need a schema.
 */
export function writeSchemaless(value: unknown, options: JsonConversionOptions): string {
  switch (typeof value) {
    case 'string':
      return quoteJsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
      return Number.isFinite(value) ? javaDoubleToString(value) : `"${javaDoubleToString(value)}"`;
    case 'undefined':
      return 'null';
    default:
      break;
  }
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return `"${encodeBase64(value)}"`;
  const write = (v: unknown): string => writeSchemaless(v, options);
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (value instanceof Map) {
    const objectMode = [...value.keys()].every((k) => typeof k === 'string');
    return writeMapEntries(value, objectMode, write, write);
  }
  if (value instanceof Struct) throw new DataError('Mismatching schema.');
  throw new DataError(`Java class ${javaClassOf(value)} does not have corresponding schema type.`);
}
