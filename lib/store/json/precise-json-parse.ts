/**
 * JSON.parse that keeps integers exact: an integer literal outside Number's safe range
 * (±9007199254740991) becomes a bigint; every other number becomes a Number as usual. Node 20's
 * JSON.parse offers no access to a number's source text, hence the shared scanner.
 */
import { DataError } from '#lib/errors';
import { scanJson, type JsonBuilder, type JsonScanOptions } from '#lib/json/json-scanner';

const INTEGER = /^-?\d+$/;

const VALUES: JsonBuilder<unknown> = {
  null: () => null,
  boolean: (value) => value,
  number: (raw) => {
    const value = Number(raw);
    return INTEGER.test(raw) && !Number.isSafeInteger(value) ? BigInt(raw) : value;
  },
  string: (value) => value,
  array: (items) => items,
  object: (members) => {
    const result: Record<string, unknown> = {};
    // defineProperty, not assignment: a "__proto__" key must stay an own member, as with JSON.parse.
    for (const [key, value] of members) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    return result;
  },
};

const OPTIONS: JsonScanOptions = {
  maxDepth: Infinity,
  fail: (_text, at) => {
    throw new DataError(`Stored JSON is malformed at position ${at}`);
  },
};

export function parsePreciseJson(text: string): unknown {
  return scanJson(text, 0, VALUES, OPTIONS);
}
