import { DataError } from '#lib/errors';
import { JsonDecimal, type JsonObject, type JsonValue } from './json-value';

const MAX_DEPTH = 1000;
const MAX_SAFE_DIGITS = 15;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A JSON syntax error (wrapped by converters in Kafka's "… failed due to serialization error" DataError). */
export class JsonSyntaxError extends DataError {}

/**
 * A JSON reader with Jackson's leniencies as Kafka configures it: leading zeros allowed, content after
 * the first value ignored, empty input read as `undefined` (MissingNode); nesting is limited to 1000.
 * Works on a decoded string; `pos` is where the next value starts.
 */
export class JsonReader {
  pos = 0;

  constructor(readonly text: string) {}

  /** Reads the first value of the text; undefined when the text is blank. */
  static readRoot(text: string): JsonValue | undefined {
    const reader = new JsonReader(text);
    reader.skipWhitespace();
    return reader.pos >= text.length ? undefined : reader.readValue(0);
  }

  skipWhitespace(): void {
    const s = this.text;
    let i = this.pos;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      i++;
    }
    this.pos = i;
  }

  readValue(depth: number): JsonValue {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 34: // "
        return this.readString();
      case 123: // {
        return this.readObject(depth + 1);
      case 91: // [
        return this.readArray(depth + 1);
      case 116:
        return this.readLiteral('true', true);
      case 102:
        return this.readLiteral('false', false);
      case 110:
        return this.readLiteral('null', null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.readNumber();
        throw this.error(Number.isNaN(c) ? 'Unexpected end-of-input' : `Unexpected character '${this.text[this.pos]}'`);
    }
  }

  readObject(depth: number): JsonObject {
    if (depth > MAX_DEPTH) throw this.error(`Document nesting depth exceeds the maximum allowed (${MAX_DEPTH})`);
    const result: JsonObject = new Map();
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 34) throw this.error('Expected a field name');
      const key = this.readString();
      this.expect(58, "':'");
      result.set(key, this.readValue(depth));
      if (this.afterMember(125)) return result;
    }
  }

  readArray(depth: number): JsonValue[] {
    if (depth > MAX_DEPTH) throw this.error(`Document nesting depth exceeds the maximum allowed (${MAX_DEPTH})`);
    const result: JsonValue[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.readValue(depth));
      if (this.afterMember(93)) return result;
    }
  }

  /** After an array element or object member: true at the closing bracket, false after a comma. */
  afterMember(close: number): boolean {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos++);
    if (c === close) return true;
    if (c === 44) return false;
    throw this.error(`Expected ',' or '${String.fromCharCode(close)}'`);
  }

  expect(code: number, what: string): void {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== code) throw this.error(`Expected ${what}`);
    this.pos++;
  }

  readString(): string {
    const s = this.text;
    const start = this.pos + 1;
    const end = s.indexOf('"', start);
    if (end < 0) throw this.error('Unexpected end-of-input in a String value');
    const backslash = s.indexOf('\\', start);
    if (backslash < 0 || backslash > end) {
      const raw = s.slice(start, end);
      if (hasControlChar(raw)) throw this.error('Illegal unquoted control character in a String value');
      this.pos = end + 1;
      return raw;
    }
    return this.readEscapedString(start);
  }

  readEscapedString(start: number): string {
    const s = this.text;
    let out = '';
    let i = start;
    let chunk = start;
    for (;;) {
      const c = s.charCodeAt(i);
      if (Number.isNaN(c)) throw this.error('Unexpected end-of-input in a String value');
      if (c === 34) break;
      if (c < 32) throw this.error('Illegal unquoted control character in a String value');
      if (c !== 92) {
        i++;
        continue;
      }
      out += s.slice(chunk, i);
      const e = s[i + 1] ?? '';
      if (e === 'u') {
        const hex = s.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.error('Invalid unicode escape');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        const decoded = ESCAPES[e];
        if (decoded === undefined) throw this.error(`Unrecognized character escape '${e}'`);
        out += decoded;
        i += 2;
      }
      chunk = i;
    }
    this.pos = i + 1;
    return out + s.slice(chunk, i);
  }

  readLiteral<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos) || isIdentifierChar(this.text.charCodeAt(this.pos + word.length))) {
      throw this.error(`Unrecognized token at ${this.pos}`);
    }
    this.pos += word.length;
    return value;
  }

  readNumber(): number | bigint | JsonDecimal {
    const s = this.text;
    const start = this.pos;
    let i = s.charCodeAt(start) === 45 ? start + 1 : start;
    const intStart = i;
    while (isDigit(s.charCodeAt(i))) i++;
    if (i === intStart) throw this.error('Expected a digit after a minus sign');
    let integral = true;
    if (s.charCodeAt(i) === 46) {
      integral = false;
      const fracStart = ++i;
      while (isDigit(s.charCodeAt(i))) i++;
      if (i === fracStart) throw this.error('Decimal point not followed by a digit');
    }
    const e = s.charCodeAt(i);
    if (e === 101 || e === 69) {
      integral = false;
      i++;
      if (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) i++;
      const expStart = i;
      while (isDigit(s.charCodeAt(i))) i++;
      if (i === expStart) throw this.error('Exponent indicator not followed by a digit');
    }
    if (isIdentifierChar(s.charCodeAt(i))) throw this.error('Unexpected character in a number');
    this.pos = i;
    const literal = s.slice(start, i);
    if (!integral) return new JsonDecimal(literal);
    if (i - intStart <= MAX_SAFE_DIGITS) return Number(literal) + 0; // + 0 turns -0 into 0 (Jackson's IntNode)
    const big = BigInt(literal);
    return big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big;
  }

  error(message: string): JsonSyntaxError {
    return new JsonSyntaxError(`${message} (at position ${this.pos})`);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Characters that may not directly follow a literal or number (Jackson reports them as part of the token). */
function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 43 || c === 45;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u001f]/;

function hasControlChar(s: string): boolean {
  return CONTROL_CHAR.test(s);
}
