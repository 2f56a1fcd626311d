/**
 * Kafka's `types.Password`: a secret config value that renders as `[hidden]` everywhere (logs,
 * `/config/validate`, JSON), so a secret can only be read on purpose through `value()`.
 */
export class Password {
  static readonly HIDDEN = '[hidden]';
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  value(): string {
    return this.#value;
  }

  equals(other: unknown): boolean {
    return other instanceof Password && other.#value === this.#value;
  }

  toString(): string {
    return Password.HIDDEN;
  }

  toJSON(): string {
    return Password.HIDDEN;
  }
}
