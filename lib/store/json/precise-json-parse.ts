/**
 * JSON.parse that keeps integers exact: an integer literal outside Number's safe range
 * (±9007199254740991) becomes a bigint; every other number becomes a Number as usual. Node 20's
 * JSON.parse offers no access to a number's source text, hence this small parser.
 */
import { DataError } from '#lib/errors';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const INTEGER = /^-?\d+$/;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters inside strings
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;
const LITERALS: [string, unknown][] = [['true', true], ['false', false], ['null', null]];

export function parsePreciseJson(text: string): unknown {
  const parser = { text, at: 0 };
  const value = readValue(parser);
  skipWhitespace(parser);
  if (parser.at !== text.length) fail(parser);
  return value;
}

interface Parser {
  text: string;
  at: number;
}

function readValue(p: Parser): unknown {
  skipWhitespace(p);
  const ch = p.text[p.at];
  if (ch === '{') return readObject(p);
  if (ch === '[') return readArray(p);
  if (ch === '"') return readString(p);
  for (const [literal, value] of LITERALS) {
    if (p.text.startsWith(literal, p.at)) {
      p.at += literal.length;
      return value;
    }
  }
  return readNumber(p);
}

function readObject(p: Parser): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  p.at += 1;
  if (consume(p, '}')) return result;
  do {
    skipWhitespace(p);
    const key = readString(p);
    if (!consume(p, ':')) fail(p);
    // defineProperty, not assignment: a "__proto__" key must stay an own member, as with JSON.parse.
    Object.defineProperty(result, key, { value: readValue(p), enumerable: true, writable: true, configurable: true });
  } while (consume(p, ','));
  if (!consume(p, '}')) fail(p);
  return result;
}

function readArray(p: Parser): unknown[] {
  const result: unknown[] = [];
  p.at += 1;
  if (consume(p, ']')) return result;
  do {
    result.push(readValue(p));
  } while (consume(p, ','));
  if (!consume(p, ']')) fail(p);
  return result;
}

function readString(p: Parser): string {
  return JSON.parse(match(p, STRING)) as string;
}

function readNumber(p: Parser): number | bigint {
  const literal = match(p, NUMBER);
  const value = Number(literal);
  return INTEGER.test(literal) && !Number.isSafeInteger(value) ? BigInt(literal) : value;
}

function match(p: Parser, pattern: RegExp): string {
  pattern.lastIndex = p.at;
  const found = pattern.exec(p.text);
  if (found === null) fail(p);
  p.at = pattern.lastIndex;
  return found[0];
}

function consume(p: Parser, ch: string): boolean {
  skipWhitespace(p);
  if (p.text[p.at] !== ch) return false;
  p.at += 1;
  return true;
}

function skipWhitespace(p: Parser): void {
  WHITESPACE.lastIndex = p.at;
  WHITESPACE.exec(p.text);
  p.at = WHITESPACE.lastIndex;
}

function fail(p: Parser): never {
  throw new DataError(`Stored JSON is malformed at position ${p.at}`);
}
