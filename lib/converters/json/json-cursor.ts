import { bail } from './fast-path-bail';
import { JsonReader } from './json-reader';

// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u001f]/;
const MAX_FAST_DIGITS = 15;
const MAX_KEYS = 256;
/** 10^0 … 10^22, all exact doubles (Clinger's fast path). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * The fast readers' view of a decoded JSON text: the same grammar and leniencies as JsonReader, but
 * tokens are read without building a tree, and anything unusual bails (see fast-path-bail.ts).
 * A number is scanned by `scanNumber` into the `number*` fields; a string without escapes is one
 * slice, found with native searches (the next backslash is tracked across strings, and a text with
 * no control character at all needs no per-string check).
 */
export class JsonCursor {
  pos: number;
  /** The last scanned number: its literal's span, whether it is integral, and its value when exact. */
  numberStart = 0;
  numberEnd = 0;
  numberIntegral = true;
  /** The value, or NaN when only `Number(literal)` (or BigInt) gives it exactly. */
  numberValue = 0;
  #backslash = -1;
  readonly #controlFree: boolean;
  /** Member names of earlier documents, by their position in the document (see `key`). */
  readonly #keys: MemberNames;
  #keyIndex = 0;

  /** `controlFree`: whether the text is known to hold no control character (else it is checked). */
  constructor(text: string, pos?: number);
  constructor(text: string, pos: number, keys: MemberNames, controlFree?: boolean);
  constructor(
    readonly text: string,
    pos = 0,
    keys: MemberNames = new MemberNames(),
    controlFree = !CONTROL_CHAR.test(text),
  ) {
    this.pos = pos;
    this.#controlFree = controlFree;
    this.#keys = keys;
  }

  /** Skips whitespace; the code of the character there (NaN at the end). */
  peek(): number {
    const s = this.text;
    let i = this.pos;
    let c = s.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++i);
    this.pos = i;
    return c;
  }

  /** Skips whitespace and the expected character, or bails. */
  expect(code: number): void {
    if (this.peek() !== code) bail();
    this.pos++;
  }

  /** After an element or member: true at `close`, false after a comma (both consumed). */
  afterMember(close: number): boolean {
    const c = this.peek();
    this.pos++;
    if (c === close) return true;
    if (c !== 44) bail();
    return false;
  }

  /** The string starting at `pos` (its opening quote). */
  string(): string {
    const s = this.text;
    const start = this.pos + 1;
    const end = s.indexOf('"', start);
    if (end < 0) bail();
    let backslash = this.#backslash;
    if (backslash < start) {
      backslash = s.indexOf('\\', start);
      this.#backslash = backslash = backslash < 0 ? s.length : backslash;
    }
    if (end > backslash) return this.#escaped();
    if (!this.#controlFree) {
      for (let i = start; i < end; i++) if (s.charCodeAt(i) < 32) bail();
    }
    this.pos = end + 1;
    return s.slice(start, end);
  }

  /**
   * The member name at `pos` (its opening quote), and the colon after it. Documents of a topic
   * repeat their member names in the same order: the name at the same position in an earlier
   * document is reused when the text goes on with its code units and `":` (compared as numbers,
   * no new string to allocate and hash); otherwise the name is read and the colon expected.
   */
  key(): string {
    const index = this.#keyIndex++;
    const known = this.#keys.names[index];
    if (known !== undefined && this.#follows(this.#keys.codes[index] as number[])) return known;
    const start = this.pos;
    const key = this.string();
    // Only names read without escapes can be matched on the raw text.
    if (index < MAX_KEYS && this.pos - start === key.length + 2) this.#keys.remember(index, key);
    this.expect(58);
    return key;
  }

  /** True when the text after `pos` (an opening quote) is `codes`; consumes them then. */
  #follows(codes: readonly number[]): boolean {
    const s = this.text;
    const start = this.pos + 1;
    for (let i = 0; i < codes.length; i++) if (s.charCodeAt(start + i) !== codes[i]) return false;
    this.pos = start + codes.length;
    return true;
  }

  /**
   * True when the member name at `pos` (its opening quote) is exactly the name whose UTF-16 code
   * units are `codes` (no escapes); consumes it then. Numbers from an array compare faster than
   * characters of a second string (for the member names a reader matches in every document).
   */
  nameCodes(codes: readonly number[]): boolean {
    const s = this.text;
    const start = this.pos + 1;
    const end = start + codes.length;
    if (s.charCodeAt(end) !== 34 || s.charCodeAt(this.pos) !== 34) return false;
    for (let i = 0; i < codes.length; i++) if (s.charCodeAt(start + i) !== codes[i]) return false;
    this.pos = end + 1;
    return true;
  }

  /** Consumes `true`, `false` or `null` (the word at `pos`); bails unless it is that word. */
  literal(word: string): void {
    const s = this.text;
    const at = this.pos;
    for (let i = 1; i < word.length; i++) if (s.charCodeAt(at + i) !== word.charCodeAt(i)) bail();
    if (isIdentifierChar(s.charCodeAt(at + word.length))) bail();
    this.pos = at + word.length;
  }

  /** Scans the number literal at `pos` into the `number*` fields (JsonReader's grammar). */
  scanNumber(): void {
    const s = this.text;
    const start = this.pos;
    const negative = s.charCodeAt(start) === 45;
    let i = negative ? start + 1 : start;
    let mantissa = 0;
    let significant = 0;
    let c = s.charCodeAt(i);
    const intStart = i;
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) significant++;
      c = s.charCodeAt(++i);
    }
    if (i === intStart) bail();
    const intDigits = i - intStart;
    let exponent = 0;
    let integral = true;
    if (c === 46) {
      integral = false;
      const fracStart = ++i;
      c = s.charCodeAt(i);
      while (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        if (mantissa !== 0) significant++;
        c = s.charCodeAt(++i);
      }
      if (i === fracStart) bail();
      exponent = fracStart - i;
    }
    if (c === 101 || c === 69) {
      integral = false;
      c = s.charCodeAt(++i);
      const expNegative = c === 45;
      if (c === 43 || c === 45) c = s.charCodeAt(++i);
      const expStart = i;
      let e = 0;
      while (c >= 48 && c <= 57) {
        if (e < 10000) e = e * 10 + (c - 48);
        c = s.charCodeAt(++i);
      }
      if (i === expStart) bail();
      exponent += expNegative ? -e : e;
    }
    if (isIdentifierChar(c)) bail();
    this.pos = i;
    this.numberStart = start;
    this.numberEnd = i;
    this.numberIntegral = integral;
    if (integral) {
      this.numberValue = intDigits <= MAX_FAST_DIGITS ? (negative ? -mantissa : mantissa) + 0 : NaN;
    } else if (significant <= MAX_FAST_DIGITS && exponent >= -22 && exponent <= 22) {
      // Both operands are exact, so the one rounding of * or / gives the correctly rounded value.
      const magnitude = exponent < 0 ? mantissa / (POWERS_OF_TEN[-exponent] as number) : mantissa * (POWERS_OF_TEN[exponent] as number);
      this.numberValue = negative ? -magnitude : magnitude;
    } else {
      this.numberValue = NaN;
    }
  }

  /** The last scanned literal's text. */
  numberText(): string {
    return this.text.slice(this.numberStart, this.numberEnd);
  }

  /** The last scanned number as Jackson's `doubleValue()` gives it (integral -0 is 0). */
  numberDouble(): number {
    const v = this.numberValue;
    if (v === v) return v;
    return this.numberIntegral ? Number(this.numberText()) + 0 : Number(this.numberText());
  }

  /** The last scanned integral number as a 64-bit long (Jackson's `longValue()`, wrapping). */
  numberLong(): bigint {
    const v = this.numberValue;
    return v === v ? BigInt(v) : BigInt.asIntN(64, BigInt(this.numberText()));
  }

  /** Hands the value at `pos` to the reference reader (nesting depth `depth` there), as Jackson's tree. */
  tree(depth: number): ReturnType<JsonReader['readValue']> {
    const reader = new JsonReader(this.text);
    reader.pos = this.pos;
    const value = reader.readValue(depth);
    this.pos = reader.pos;
    return value;
  }

  #escaped(): string {
    const reader = new JsonReader(this.text);
    reader.pos = this.pos;
    const value = reader.readString();
    this.pos = reader.pos;
    return value;
  }
}

/**
 * The member names a converter's documents had at each position (the first MAX_KEYS), shared by the
 * cursors of its documents, each with its code units followed by `":` for `JsonCursor.key`.
 */
export class MemberNames {
  readonly names: string[] = [];
  readonly codes: number[][] = [];

  remember(index: number, name: string): void {
    this.names[index] = name;
    this.codes[index] = [...Array.from({ length: name.length }, (_, i) => name.charCodeAt(i)), 34, 58];
  }
}

/** Characters that may not directly follow a literal or number (as in JsonReader). */
function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 43 || c === 45;
}
