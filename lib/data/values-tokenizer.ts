import { isBlank, javaTrim } from './java-text';

const DELIMITERS = new Set([':', ',', '{', '}', '[', ']', '"']);

/**
 * Kafka's `Values.Parser`: splits a header string into tokens at unescaped `: , { } [ ] "`, each
 * delimiter being a token of its own; whitespace stays inside tokens. `mark`/`rewindTo` backtrack.
 */
export class ValuesTokenizer {
  #index = 0;
  #next: string | null = null;
  #previous: string | null = null;

  constructor(readonly original: string) {}

  get position(): number {
    return this.#index;
  }

  mark(): number {
    return this.#index - (this.#next === null ? 0 : this.#next.length);
  }

  rewindTo(position: number): void {
    this.#index = position;
    this.#next = null;
    this.#previous = null;
  }

  hasNext(): boolean {
    return this.#next !== null || this.#index < this.original.length;
  }

  get previous(): string | null {
    return this.#previous;
  }

  next(): string {
    if (this.#next !== null) {
      this.#previous = this.#next;
      this.#next = null;
    } else {
      this.#previous = this.#consume();
    }
    return this.#previous;
  }

  /** The text of the next `n` tokens, or null (nothing consumed) if there are fewer. */
  nextN(n: number): string | null {
    const start = this.mark();
    for (let i = 0; i < n; i++) {
      if (!this.hasNext()) {
        this.rewindTo(start);
        return null;
      }
      this.next();
    }
    return this.original.slice(start, this.position);
  }

  /** Consumes the next non-blank token if, trimmed, it is `expected`. */
  canConsume(expected: string): boolean {
    if (this.#next === null) {
      if (!this.hasNext()) return false;
      this.#next = this.#consume();
    }
    while (isBlank(this.#next) && this.#index < this.original.length) this.#next = this.#consume();
    if (javaTrim(this.#next) !== expected) return false;
    this.#next = null;
    return true;
  }

  #consume(): string {
    const s = this.original;
    const start = this.#index;
    let escaped = false;
    while (this.#index < s.length) {
      const c = s[this.#index] as string;
      if (c === '\\') {
        escaped = !escaped;
      } else if (DELIMITERS.has(c) && !escaped) {
        if (start < this.#index) return s.slice(start, this.#index);
        this.#index++;
        return c;
      } else {
        escaped = false;
      }
      this.#index++;
    }
    return s.slice(start, this.#index);
  }
}
