/**
 * A strict RFC 8259 scanner that hands each value to a builder, so callers choose the tree: numbers
 * arrive as their source text (JSON.parse cannot keep `1.0` or `12345678901234567890` exact), objects
 * as their members in order (a duplicate key appears twice; the builder decides which wins).
 */

export interface JsonBuilder<T> {
  null(): T;
  boolean(value: boolean): T;
  number(raw: string): T;
  string(value: string): T;
  array(items: T[]): T;
  object(members: [string, T][]): T;
}

export interface JsonScanOptions {
  /** Deepest nesting of arrays and objects accepted. */
  maxDepth: number;
  /** Never returns: throws the caller's error for a syntax error at `at`, `expectation` saying what was wanted. */
  fail(text: string, at: number, expectation: string): never;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

interface Scanner<T> {
  readonly text: string;
  at: number;
  readonly build: JsonBuilder<T>;
  readonly options: JsonScanOptions;
}

/** Scans the one JSON value in `text` from `start`; only whitespace may follow it. */
export function scanJson<T>(text: string, start: number, build: JsonBuilder<T>, options: JsonScanOptions): T {
  const s: Scanner<T> = { text, at: start, build, options };
  const value = readValue(s, 0);
  skipWhitespace(s);
  if (s.at !== text.length) fail(s, 'expected end of input');
  return value;
}

/** The index of the first character at or after `at` that is not JSON whitespace. */
export function skipJsonWhitespace(text: string, at: number): number {
  WHITESPACE.lastIndex = at;
  WHITESPACE.exec(text);
  return WHITESPACE.lastIndex;
}

function readValue<T>(s: Scanner<T>, depth: number): T {
  skipWhitespace(s);
  const ch = s.text[s.at];
  if (ch === '{' || ch === '[') {
    if (depth >= s.options.maxDepth) fail(s, `nesting depth exceeds the maximum allowed (${s.options.maxDepth})`);
    return ch === '{' ? readObject(s, depth + 1) : readArray(s, depth + 1);
  }
  if (ch === '"') return s.build.string(readString(s));
  if (s.text.startsWith('true', s.at)) return literal(s, 4, s.build.boolean(true));
  if (s.text.startsWith('false', s.at)) return literal(s, 5, s.build.boolean(false));
  if (s.text.startsWith('null', s.at)) return literal(s, 4, s.build.null());
  NUMBER.lastIndex = s.at;
  const match = NUMBER.exec(s.text);
  if (match === null) fail(s, 'expected a JSON value (string, number, array, object, true, false or null)');
  s.at += match[0].length;
  return s.build.number(match[0]);
}

function literal<T>(s: Scanner<T>, length: number, value: T): T {
  s.at += length;
  return value;
}

function readObject<T>(s: Scanner<T>, depth: number): T {
  const members: [string, T][] = [];
  s.at += 1;
  skipWhitespace(s);
  if (consume(s, '}')) return s.build.object(members);
  for (;;) {
    skipWhitespace(s);
    if (s.text[s.at] !== '"') fail(s, 'expected double-quote to start field name');
    const key = readString(s);
    skipWhitespace(s);
    if (!consume(s, ':')) fail(s, "expected ':' after field name");
    members.push([key, readValue(s, depth)]);
    skipWhitespace(s);
    if (consume(s, '}')) return s.build.object(members);
    if (!consume(s, ',')) fail(s, "expected ',' or '}' in object");
  }
}

function readArray<T>(s: Scanner<T>, depth: number): T {
  const items: T[] = [];
  s.at += 1;
  skipWhitespace(s);
  if (consume(s, ']')) return s.build.array(items);
  for (;;) {
    items.push(readValue(s, depth));
    skipWhitespace(s);
    if (consume(s, ']')) return s.build.array(items);
    if (!consume(s, ',')) fail(s, "expected ',' or ']' in array");
  }
}

/** Reads a string token starting at the opening quote. */
function readString<T>(s: Scanner<T>): string {
  const { text } = s;
  let out = '';
  let chunkStart = ++s.at;
  for (;;) {
    if (s.at >= text.length) fail(s, 'unterminated string');
    const code = text.charCodeAt(s.at);
    if (code === 0x22) break;
    if (code < 0x20) fail(s, 'control characters must be escaped in strings');
    if (code !== 0x5c) {
      s.at += 1;
      continue;
    }
    out += text.slice(chunkStart, s.at);
    out += readEscape(s);
    chunkStart = s.at;
  }
  out += text.slice(chunkStart, s.at);
  s.at += 1;
  return out;
}

function readEscape<T>(s: Scanner<T>): string {
  const ch = s.text[s.at + 1];
  if (ch === 'u') {
    const hex = s.text.slice(s.at + 2, s.at + 6);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(s, 'invalid \\u escape in string');
    s.at += 6;
    return String.fromCharCode(parseInt(hex, 16));
  }
  const escaped = ch === undefined ? undefined : ESCAPES[ch];
  if (escaped === undefined) fail(s, 'invalid escape in string');
  s.at += 2;
  return escaped;
}

function consume<T>(s: Scanner<T>, ch: string): boolean {
  if (s.text[s.at] !== ch) return false;
  s.at += 1;
  return true;
}

function skipWhitespace<T>(s: Scanner<T>): void {
  s.at = skipJsonWhitespace(s.text, s.at);
}

function fail<T>(s: Scanner<T>, expectation: string): never {
  return s.options.fail(s.text, s.at, expectation);
}
