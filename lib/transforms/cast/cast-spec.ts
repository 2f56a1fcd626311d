/**
 * Cast's `spec`: `field:type,...` casts fields of a Struct or Map, a lone `type` casts the whole
 * key or value. Types are Connect schema types, case-insensitive; errors are Kafka's, including its
 * quirk of naming `renames` when a mapping has more than one colon.
 */
import { SCHEMA_TYPES, type SchemaType } from '#lib/data/schema-type';
import { DataError } from '#lib/errors';
import { ConfigException } from '#lib/plugin/config-exception';
import type { Validator } from '#lib/plugin/config-types';
import { javaSplit } from '../util/java-split';

export type CastType = 'INT8' | 'INT16' | 'INT32' | 'INT64' | 'FLOAT32' | 'FLOAT64' | 'BOOLEAN' | 'STRING';

export const SUPPORTED_CAST_INPUT_TYPES: readonly SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES'];
export const SUPPORTED_CAST_OUTPUT_TYPES: readonly CastType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING'];

export interface CastSpec {
  /** The type the whole key or value is cast to, or null when fields are cast. */
  readonly wholeValueType: CastType | null;
  readonly fieldTypes: ReadonlyMap<string, CastType>;
}

export function parseCastSpec(mappings: readonly string[]): CastSpec {
  const fieldTypes = new Map<string, CastType>();
  let wholeValueType: CastType | null = null;
  for (const mapping of mappings) {
    const parts = javaSplit(mapping, ':');
    if (parts.length > 2) throw new ConfigException('renames', mappings, `Invalid rename mapping: ${mapping}`);
    // Java fails on `:` (no parts) with an ArrayIndexOutOfBoundsException; reported here as a config error.
    if (parts.length === 0) throw new ConfigException('Index 1 out of bounds for length 0');
    if (parts.length === 1) wholeValueType = outputType(parts[0] as string);
    else fieldTypes.set((parts[0] as string).trim(), outputType(parts[1] as string));
  }
  if (wholeValueType !== null && mappings.length > 1) {
    throw new ConfigException('Cast transformations that specify a type to cast the entire value to may only specify a single cast in their spec');
  }
  return { wholeValueType, fieldTypes };
}

export function castSpecValidator(): Validator {
  return {
    ensureValid(_name, value) {
      const mappings = value as string[] | null;
      if (mappings === null || mappings === undefined || mappings.length === 0) throw new ConfigException('Must specify at least one field to cast.');
      parseCastSpec(mappings);
    },
    toString: () => 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>',
  };
}

function outputType(text: string): CastType {
  const name = text.trim();
  const type = name.toUpperCase() as SchemaType;
  if (!SCHEMA_TYPES.includes(type)) throw new ConfigException(`Invalid type found in casting spec: ${name}`);
  if (!(SUPPORTED_CAST_OUTPUT_TYPES as readonly string[]).includes(type)) {
    throw new ConfigException(`Cast transformation does not support casting to ${type}; supported types are [${SUPPORTED_CAST_OUTPUT_TYPES.join(', ')}]`);
  }
  return type as CastType;
}

/** Kafka's input check, made on every cast value (a DataError, since it depends on the data). */
export function checkCastInputType(type: SchemaType): void {
  if (!SUPPORTED_CAST_INPUT_TYPES.includes(type)) {
    throw new DataError(`Cast transformation does not support casting from ${type}; supported types are [${SUPPORTED_CAST_INPUT_TYPES.join(', ')}]`);
  }
}
