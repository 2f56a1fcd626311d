/**
 * A strict RFC 8259 parser producing a tree that keeps every number's source text. Connect coerces a
 * JSON number given as a config value to the string the client wrote (`1.0` stays "1.0", and
 * `12345678901234567890` is not rounded), which JSON.parse cannot do. Duplicate keys: the last value
 * wins at the first one's position, as in Jackson's LinkedHashMap. Syntax errors are
 * BadRequestErrors (Kafka answers 500; 400 is our deliberate improvement).
 */
import { BadRequestError } from '#lib/errors';

export type JsonNode =
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; raw: string }
  | { kind: 'string'; value: string }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'object'; members: Map<string, JsonNode> };

/** Jackson's default nesting limit (StreamReadConstraints). */
const MAX_DEPTH = 1000;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses one JSON document; `undefined` when the text holds only whitespace (an empty body). */
export function parseJson(text: string): JsonNode | undefined {
  const p: Parser = { text, at: text.startsWith('\uFEFF') ? 1 : 0 };
  skipWhitespace(p);
  if (p.at === text.length) return undefined;
  const node = readValue(p, 0);
  skipWhitespace(p);
  if (p.at !== text.length) fail(p, 'expected end of input');
  return node;
}

interface Parser {
  text: string;
  at: number;
}

function readValue(p: Parser, depth: number): JsonNode {
  skipWhitespace(p);
  const ch = p.text[p.at];
  if (ch === '{' || ch === '[') {
    if (depth >= MAX_DEPTH) fail(p, `nesting depth exceeds the maximum allowed (${MAX_DEPTH})`);
    return ch === '{' ? readObject(p, depth + 1) : readArray(p, depth + 1);
  }
  if (ch === '"') return { kind: 'string', value: readString(p) };
  if (p.text.startsWith('true', p.at)) return literal(p, 4, { kind: 'boolean', value: true });
  if (p.text.startsWith('false', p.at)) return literal(p, 5, { kind: 'boolean', value: false });
  if (p.text.startsWith('null', p.at)) return literal(p, 4, { kind: 'null' });
  NUMBER.lastIndex = p.at;
  const match = NUMBER.exec(p.text);
  if (match === null) fail(p, 'expected a JSON value (string, number, array, object, true, false or null)');
  p.at += match[0].length;
  return { kind: 'number', raw: match[0] };
}

function literal(p: Parser, length: number, node: JsonNode): JsonNode {
  p.at += length;
  return node;
}

function readObject(p: Parser, depth: number): JsonNode {
  const members = new Map<string, JsonNode>();
  p.at += 1;
  skipWhitespace(p);
  if (consume(p, '}')) return { kind: 'object', members };
  for (;;) {
    skipWhitespace(p);
    if (p.text[p.at] !== '"') fail(p, 'expected double-quote to start field name');
    const key = readString(p);
    skipWhitespace(p);
    if (!consume(p, ':')) fail(p, "expected ':' after field name");
    members.set(key, readValue(p, depth));
    skipWhitespace(p);
    if (consume(p, '}')) return { kind: 'object', members };
    if (!consume(p, ',')) fail(p, "expected ',' or '}' in object");
  }
}

function readArray(p: Parser, depth: number): JsonNode {
  const items: JsonNode[] = [];
  p.at += 1;
  skipWhitespace(p);
  if (consume(p, ']')) return { kind: 'array', items };
  for (;;) {
    items.push(readValue(p, depth));
    skipWhitespace(p);
    if (consume(p, ']')) return { kind: 'array', items };
    if (!consume(p, ',')) fail(p, "expected ',' or ']' in array");
  }
}

/** Reads a string token starting at the opening quote. */
function readString(p: Parser): string {
  const { text } = p;
  let out = '';
  let chunkStart = ++p.at;
  for (;;) {
    if (p.at >= text.length) fail(p, 'unterminated string');
    const code = text.charCodeAt(p.at);
    if (code === 0x22) break;
    if (code < 0x20) fail(p, 'control characters must be escaped in strings');
    if (code !== 0x5c) {
      p.at += 1;
      continue;
    }
    out += text.slice(chunkStart, p.at);
    out += readEscape(p);
    chunkStart = p.at;
  }
  out += text.slice(chunkStart, p.at);
  p.at += 1;
  return out;
}

function readEscape(p: Parser): string {
  const ch = p.text[p.at + 1];
  if (ch === 'u') {
    const hex = p.text.slice(p.at + 2, p.at + 6);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(p, 'invalid \\u escape in string');
    p.at += 6;
    return String.fromCharCode(parseInt(hex, 16));
  }
  const escaped = ch === undefined ? undefined : ESCAPES[ch];
  if (escaped === undefined) fail(p, 'invalid escape in string');
  p.at += 2;
  return escaped;
}

function consume(p: Parser, ch: string): boolean {
  if (p.text[p.at] !== ch) return false;
  p.at += 1;
  return true;
}

function skipWhitespace(p: Parser): void {
  WHITESPACE.lastIndex = p.at;
  WHITESPACE.exec(p.text);
  p.at = WHITESPACE.lastIndex;
}

function fail(p: Parser, expectation: string): never {
  const before = p.text.slice(0, p.at);
  const line = before.split('\n').length;
  const column = p.at - before.lastIndexOf('\n');
  const found = p.at < p.text.length ? describeChar(p.text.codePointAt(p.at) ?? 0) : 'end-of-input';
  throw new BadRequestError(`Unexpected ${found} at line ${line}, column ${column}: ${expectation}`);
}

function describeChar(code: number): string {
  const shown = code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : String.fromCodePoint(code);
  return `character ('${shown}' (code ${code}))`;
}
