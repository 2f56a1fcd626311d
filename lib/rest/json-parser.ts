/**
 * A strict RFC 8259 parser producing a tree that keeps every number's source text. Connect coerces a
 * JSON number given as a config value to the string the client wrote (`1.0` stays "1.0", and
 * `12345678901234567890` is not rounded), which JSON.parse cannot do. Duplicate keys: the last value
 * wins at the first one's position, as in Jackson's LinkedHashMap. Syntax errors are
 * BadRequestErrors (Kafka answers 500; 400 is our deliberate improvement).
 */
import { BadRequestError } from '#lib/errors';
import { scanJson, skipJsonWhitespace, type JsonBuilder, type JsonScanOptions } from '#lib/json/json-scanner';

export type JsonNode =
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; raw: string }
  | { kind: 'string'; value: string }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'object'; members: Map<string, JsonNode> };

const NODES: JsonBuilder<JsonNode> = {
  null: () => ({ kind: 'null' }),
  boolean: (value) => ({ kind: 'boolean', value }),
  number: (raw) => ({ kind: 'number', raw }),
  string: (value) => ({ kind: 'string', value }),
  array: (items) => ({ kind: 'array', items }),
  object: (members) => ({ kind: 'object', members: new Map(members) }),
};

/** Jackson's default nesting limit (StreamReadConstraints). */
const OPTIONS: JsonScanOptions = { maxDepth: 1000, fail };

/** Parses one JSON document; `undefined` when the text holds only whitespace (an empty body). */
export function parseJson(text: string): JsonNode | undefined {
  const start = skipJsonWhitespace(text, text.startsWith('\uFEFF') ? 1 : 0);
  if (start === text.length) return undefined;
  return scanJson(text, start, NODES, OPTIONS);
}

function fail(text: string, at: number, expectation: string): never {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const found = at < text.length ? describeChar(text.codePointAt(at) ?? 0) : 'end-of-input';
  throw new BadRequestError(`Unexpected ${found} at line ${line}, column ${column}: ${expectation}`);
}

function describeChar(code: number): string {
  const shown = code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : String.fromCodePoint(code);
  return `character ('${shown}' (code ${code}))`;
}
