import { JsonReader } from './json-reader';
import type { JsonValue } from './json-value';

/** What a `{"schema": …, "payload": …}` document holds; `valid` is Kafka's envelope check. */
export interface Envelope {
  readonly valid: boolean;
  /** Where the schema value starts in the text (-1 when absent), and its text as skipped. */
  readonly schemaStart: number;
  readonly schemaText: string;
  /** True when the schema text is exactly `recentSchemaText`. */
  readonly schemaIsRecent: boolean;
  readonly payload: JsonValue | undefined;
}

const INVALID: Envelope = { valid: false, schemaStart: -1, schemaText: '', schemaIsRecent: false, payload: undefined };

/**
 * Reads a JSON document as an envelope without building the schema's tree: the schema value is only
 * skipped (instantly when it starts with `recentSchemaText`, a schema text seen before), so the caller can look its text up in a cache and parse it on a miss. Syntax errors throw
 * JsonSyntaxErrors; a document that is not an object with exactly the members `schema` and `payload`
 * (repeated keys count once, the last one wins, as in Jackson) comes back with `valid: false`.
 */
export function readEnvelope(text: string, recentSchemaText = ''): Envelope {
  const reader = new JsonReader(text);
  reader.skipWhitespace();
  if (reader.pos >= text.length) return INVALID;
  if (text.charCodeAt(reader.pos) !== 123) {
    reader.readValue(0);
    return INVALID;
  }
  reader.pos++;
  reader.skipWhitespace();
  if (text.charCodeAt(reader.pos) === 125) return INVALID;
  let schemaStart = -1;
  let schemaText = '';
  let schemaIsRecent = false;
  let payload: JsonValue | undefined;
  let extra = false;
  for (;;) {
    reader.skipWhitespace();
    if (text.charCodeAt(reader.pos) !== 34) throw reader.error('Expected a field name');
    const key = reader.readString();
    reader.expect(58, "':'");
    reader.skipWhitespace();
    if (key === 'schema') {
      schemaStart = reader.pos;
      // Most records of a topic repeat the previous schema text: a native prefix compare beats scanning it.
      const end = schemaStart + recentSchemaText.length;
      // (slice + === compares flat memory; startsWith walks the string and is ~50× slower here.)
      const known = recentSchemaText !== '' && isValueEnd(text.charCodeAt(end)) && text.slice(schemaStart, end) === recentSchemaText;
      reader.pos = known ? end : skipValue(text, reader.pos);
      schemaIsRecent = known;
      schemaText = known ? recentSchemaText : text.slice(schemaStart, reader.pos);
    } else if (key === 'payload') {
      payload = reader.readValue(1);
    } else {
      reader.readValue(1);
      extra = true;
    }
    if (reader.afterMember(125)) break;
  }
  const valid = !extra && schemaStart >= 0 && payload !== undefined;
  return valid ? { valid, schemaStart, schemaText, schemaIsRecent, payload } : INVALID;
}

function isValueEnd(c: number): boolean {
  return c === 44 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * The end of the JSON value starting at `pos`, found by matching brackets and quotes only. Exact for
 * well-formed values; for malformed ones the span is meaningless, which is harmless because the caller
 * only trusts a span whose text it has parsed successfully before.
 */
export function skipValue(text: string, pos: number): number {
  let depth = 0;
  let i = pos;
  for (;;) {
    const c = text.charCodeAt(i);
    if (Number.isNaN(c)) return i;
    if (c === 34) {
      i = endOfString(text, i + 1);
      if (depth === 0) return i;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) return i;
    i++;
  }
}

function endOfString(text: string, from: number): number {
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}
