/**
 * Deterministic JSON: object keys sorted (UTF-16 order) at every level, bigints written as plain
 * integer literals, `undefined` object members dropped (as JSON.stringify does). Two maps holding the
 * same entries in a different insertion order therefore serialise to the same text, which is what
 * lets a serialised source partition serve as a storage key. Integers are written exactly, so a
 * precise reader (precise-json-parse) gets every stored integer back with its exact value.
 */
import { DataError } from '#lib/errors';
import { compareStrings } from '#lib/store/compare-strings';

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new DataError(`Cannot store non-finite number ${value} at ${path}`);
      // Between 2^53 and 1e21 JSON.stringify writes the shortest digits that round back to the double,
      // which read as an integer literal name another value; write the double's exact integer instead.
      if (Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
      return JSON.stringify(value);
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item, i) => write(item ?? null, `${path}[${i}]`)).join(',')}]`;
      if (isPlainObject(value)) return writeObject(value, path);
      break;
  }
  throw new DataError(`Cannot store a value of type ${describe(value)} at ${path}`);
}

function writeObject(value: Record<string, unknown>, path: string): string {
  const members = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort(compareStrings)
    .map((key) => `${JSON.stringify(key)}:${write(value[key], `${path}.${key}`)}`);
  return `{${members.join(',')}}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}
