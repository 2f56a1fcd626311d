/**
 * A parsed JSON value, keeping what Jackson's tree keeps and JSON.parse loses: integral literals are
 * `number`s when exact (|v| ≤ 2^53) and `bigint`s otherwise; literals with a fraction or exponent are
 * `JsonDecimal`s (Jackson's DecimalNode, exact text); objects are insertion-ordered Maps (a repeated key
 * keeps its first position and its last value, as in Jackson). `undefined` is Jackson's MissingNode
 * (empty input).
 */
export type JsonValue = null | boolean | string | number | bigint | JsonDecimal | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

/** A number literal with a fraction or exponent, kept as written. */
export class JsonDecimal {
  #double: number | undefined;

  constructor(readonly text: string) {}

  /** The nearest double (BigDecimal.doubleValue). */
  get double(): number {
    return (this.#double ??= Number(this.text));
  }
}

/** Jackson's JsonNodeType name of a value, as Kafka's messages print it. */
export function nodeType(value: JsonValue | undefined): string {
  if (value === undefined) return 'MISSING';
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'boolean':
      return 'BOOLEAN';
    case 'string':
      return 'STRING';
    case 'number':
    case 'bigint':
      return 'NUMBER';
    default:
      if (value instanceof JsonDecimal) return 'NUMBER';
      return Array.isArray(value) ? 'ARRAY' : 'OBJECT';
  }
}

export function isJsonNumber(value: JsonValue | undefined): value is number | bigint | JsonDecimal {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof JsonDecimal;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return value instanceof Map;
}
