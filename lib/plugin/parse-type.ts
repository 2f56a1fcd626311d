/**
 * Kafka's `ConfigDef.parseType` and `convertToString`: how a raw config string becomes a typed
 * value and how a typed value is rendered back (defaults in `/connector-plugins/…/config`, values
 * in `/config/validate`). Error messages are Kafka's, with the raw (untrimmed) value.
 */
import { ConfigException } from './config-exception';
import type { ConfigType, ConfigValueType, ParseOptions } from './config-types';
import { javaDoubleToString, javaToString, javaTrim } from './java-format';
import { Password } from './password';

const INT_RANGE = { min: -(2n ** 31n), max: 2n ** 31n - 1n };
const SHORT_RANGE = { min: -(2n ** 15n), max: 2n ** 15n - 1n };
const LONG_RANGE = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
/** Java's `\s` in `\s*,\s*`: ASCII whitespace only. */
const COMMA_WITH_WHITESPACE = /[ \t\n\v\f\r]*,[ \t\n\v\f\r]*/;
const DECIMAL_INTEGER = /^[+-]?[0-9]+$/;
const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?)$/;

export function parseType(name: string, value: unknown, type: ConfigType, options: ParseOptions = {}): ConfigValueType {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return parseTyped(name, value, type);
  const trimmed = javaTrim(value);
  switch (type) {
    case 'BOOLEAN':
      if (trimmed.toLowerCase() === 'true') return true;
      if (trimmed.toLowerCase() === 'false') return false;
      throw new ConfigException(name, value, 'Expected value to be either true or false');
    case 'PASSWORD':
      return new Password(trimmed);
    case 'STRING':
      return trimmed;
    case 'INT':
      return Number(parseInteger(name, value, trimmed, type, INT_RANGE));
    case 'SHORT':
      return Number(parseInteger(name, value, trimmed, type, SHORT_RANGE));
    case 'LONG':
      return parseInteger(name, value, trimmed, type, LONG_RANGE);
    case 'DOUBLE':
      if (!JAVA_DOUBLE.test(trimmed)) throw notANumber(name, value, type);
      return Number(trimmed.replace(/[fFdD]$/, ''));
    case 'LIST':
      return trimmed.length === 0 ? [] : trimmed.split(COMMA_WITH_WHITESPACE);
    case 'CLASS':
      return resolveClass(name, value, trimmed, options);
  }
}

/** Renders a parsed value as Kafka does; PASSWORD gives `[hidden]`, LIST joins with commas. */
export function convertToString(value: unknown, type: ConfigType | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'LIST' && Array.isArray(value)) return value.map(javaToString).join(',');
  if (type === 'DOUBLE' && typeof value === 'number') return javaDoubleToString(value);
  return javaToString(value);
}

function parseInteger(name: string, raw: string, trimmed: string, type: ConfigType, range: { min: bigint; max: bigint }): bigint {
  if (!DECIMAL_INTEGER.test(trimmed)) throw notANumber(name, raw, type);
  const n = BigInt(trimmed);
  if (n < range.min || n > range.max) throw notANumber(name, raw, type);
  return n;
}

function notANumber(name: string, value: unknown, type: ConfigType): ConfigException {
  return new ConfigException(name, value, `Not a number of type ${type}`);
}

function resolveClass(name: string, raw: string, trimmed: string, options: ParseOptions): string {
  if (!options.resolveClass) return trimmed;
  const resolved = options.resolveClass(trimmed);
  if (resolved === undefined) throw new ConfigException(name, raw, `Class ${raw} could not be found.`);
  return resolved;
}

/** Already typed values (defaults given as numbers, booleans, lists…) are accepted as Kafka accepts them. */
function parseTyped(name: string, value: unknown, type: ConfigType): ConfigValueType {
  switch (type) {
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      throw new ConfigException(name, value, 'Expected value to be either true or false');
    case 'PASSWORD':
      if (value instanceof Password) return value;
      throw new ConfigException(name, value, `Expected value to be a string, but it was a ${javaClassOf(value)}`);
    case 'STRING':
      throw new ConfigException(name, value, `Expected value to be a string, but it was a ${javaClassOf(value)}`);
    case 'INT':
      if (isIntegerIn(value, INT_RANGE)) return value;
      throw new ConfigException(name, value, `Expected value to be a 32-bit integer, but it was a ${javaClassOf(value)}`);
    case 'SHORT':
      if (isIntegerIn(value, SHORT_RANGE)) return value;
      throw new ConfigException(name, value, `Expected value to be a 16-bit integer (short), but it was a ${javaClassOf(value)}`);
    case 'LONG':
      if (typeof value === 'bigint' && value >= LONG_RANGE.min && value <= LONG_RANGE.max) return value;
      if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
      throw new ConfigException(name, value, `Expected value to be a 64-bit integer (long), but it was a ${javaClassOf(value)}`);
    case 'DOUBLE':
      if (typeof value === 'number') return value;
      if (typeof value === 'bigint') return Number(value);
      throw new ConfigException(name, value, `Expected value to be a double, but it was a ${javaClassOf(value)}`);
    case 'LIST':
      if (Array.isArray(value)) return value.map((item) => javaToString(item));
      throw new ConfigException(name, value, 'Expected a comma separated list.');
    case 'CLASS':
      throw new ConfigException(name, value, 'Expected a Class instance or class name.');
  }
}

function isIntegerIn(value: unknown, range: { min: bigint; max: bigint }): value is number {
  return typeof value === 'number' && Number.isInteger(value) && BigInt(value) >= range.min && BigInt(value) <= range.max;
}

/** The Java class a JS value would have been, for Kafka's "but it was a …" messages. */
function javaClassOf(value: unknown): string {
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'bigint') return 'java.lang.Long';
  if (typeof value === 'number') return Number.isInteger(value) ? 'java.lang.Integer' : 'java.lang.Double';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (value instanceof Password) return 'org.apache.kafka.common.config.types.Password';
  return 'java.lang.Object';
}
