/**
 * The tokenizer behind Kafka's `Values.parseString` (`Values.Parser`): the text is split at the
 * unescaped delimiters `: , { } [ ] "`, each delimiter being a token of its own; a backslash
 * escapes the next character. Tokens can be peeked, consumed when they equal an expected text
 * (blank tokens skipped), and the position marked and rewound.
 */
import { isBlank, javaTrim } from '#lib/plugin/java-format';

const DELIMITERS = new Set([':', ',', '{', '}', '[', ']', '"']);

export class ValuesTokenizer {
  #index = 0;
  #nextToken: string | null = null;
  #previousToken: string | null = null;

  constructor(readonly original: string) {}

  position(): number {
    return this.#index;
  }

  /** The position of the next unconsumed token (a peeked token counts as unconsumed). */
  mark(): number {
    return this.#index - (this.#nextToken?.length ?? 0);
  }

  rewindTo(position: number): void {
    this.#index = position;
    this.#nextToken = null;
    this.#previousToken = null;
  }

  hasNext(): boolean {
    return this.#nextToken !== null || this.#index < this.original.length;
  }

  next(): string {
    if (this.#nextToken !== null) {
      this.#previousToken = this.#nextToken;
      this.#nextToken = null;
    } else {
      this.#previousToken = this.#consumeNextToken();
    }
    return this.#previousToken;
  }

  /** The text of the next `n` tokens, or null (position unchanged) when there are fewer. */
  nextTokens(n: number): string | null {
    const start = this.mark();
    for (let i = 0; i < n; i++) {
      if (!this.hasNext()) {
        this.rewindTo(start);
        return null;
      }
      this.next();
    }
    return this.original.slice(start, this.position());
  }

  previous(): string | null {
    return this.#previousToken;
  }

  /** Consumes the next non-blank token if, trimmed, it equals `expected`. */
  canConsume(expected: string): boolean {
    if (this.#nextToken === null) {
      if (!this.hasNext()) return false;
      this.#nextToken = this.#consumeNextToken();
    }
    while (isBlank(this.#nextToken) && this.#index < this.original.length) this.#nextToken = this.#consumeNextToken();
    if (javaTrim(this.#nextToken) !== expected) return false;
    this.#nextToken = null;
    return true;
  }

  #consumeNextToken(): string {
    const text = this.original;
    const start = this.#index;
    let escaped = false;
    while (this.#index < text.length) {
      const c = text[this.#index] as string;
      if (c === '\\') escaped = !escaped;
      else if (DELIMITERS.has(c) && !escaped) {
        if (start < this.#index) return text.slice(start, this.#index);
        this.#index++;
        return text.slice(start, start + 1);
      } else escaped = false;
      this.#index++;
    }
    return text.slice(start, this.#index);
  }
}
