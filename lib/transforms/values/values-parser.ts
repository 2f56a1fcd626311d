/**
 * Kafka's `Values.ValueParser`: reads `null`, booleans, numbers, temporal literals, `[arrays]`,
 * `{maps}` and quoted strings (inside arrays and maps) from the tokens of a header or literal
 * string. A top-level text that is nothing else is a STRING holding the whole original text; an
 * array or map that fails to parse falls back to that string too.
 */
import { SchemaAndValue } from '#lib/data/schema-and-value';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { DataError } from '#lib/errors';
import { isBlank, javaTrim } from '#lib/plugin/java-format';
import { NumberFormatError } from '../util/java-numbers';
import { alignToSchema } from './values-align';
import { parseAsNumber } from './values-number';
import { SchemaMerger } from './values-schema-merger';
import { parseAsTemporal } from './values-temporal';
import type { ValuesTokenizer } from './values-tokenizer';

const TRUE = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, true);
const FALSE = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, false);

export class ValuesParser {
  constructor(readonly tokens: ValuesTokenizer) {}

  /** The next value; null for an absent or `null` value. */
  parse(embedded: boolean): SchemaAndValue | null {
    const t = this.tokens;
    if (!t.hasNext()) return null;
    if (embedded && t.canConsume('"')) return this.#parseQuotedString();
    if (this.#canParseSingleTokenLiteral(embedded, 'null')) return null;
    if (this.#canParseSingleTokenLiteral(embedded, 'true')) return TRUE;
    if (this.#canParseSingleTokenLiteral(embedded, 'false')) return FALSE;
    const start = t.mark();
    try {
      if (t.canConsume('[')) return this.#parseArray();
      if (t.canConsume('{')) return this.#parseMap();
    } catch (err) {
      if (!(err instanceof DataError)) throw err;
      t.rewindTo(start);
    }
    const token = t.next();
    if (isBlank(token)) return new SchemaAndValue(Schema.STRING_SCHEMA, token);
    return this.#parseNextToken(embedded, javaTrim(token));
  }

  /** A lone literal at top level, or any literal followed by more tokens inside an array or map. */
  #canParseSingleTokenLiteral(embedded: boolean, literal: string): boolean {
    const start = this.tokens.mark();
    if (this.tokens.canConsume(literal) && (embedded || !this.tokens.hasNext())) return true;
    this.tokens.rewindTo(start);
    return false;
  }

  #parseNextToken(embedded: boolean, token: string): SchemaAndValue {
    const first = token[0] as string;
    const firstIsDigit = first >= '0' && first <= '9';
    if (firstIsDigit) {
      const temporal = this.#parseMultipleTokensAsTemporal(token);
      if (temporal !== null) return temporal;
    }
    if (firstIsDigit || first === '+' || first === '-') {
      try {
        return parseAsNumber(token);
      } catch (err) {
        if (!(err instanceof NumberFormatError)) throw err;
      }
    }
    if (embedded) throw new DataError('Failed to parse embedded value');
    return new SchemaAndValue(Schema.STRING_SCHEMA, this.tokens.original);
  }

  /** Times and timestamps span five tokens, because their colons are delimiters. */
  #parseMultipleTokensAsTemporal(token: string): SchemaAndValue | null {
    const position = this.tokens.mark();
    const remainder = this.tokens.nextTokens(4);
    if (remainder !== null) {
      const temporal = parseAsTemporal(token + remainder);
      if (temporal !== null) return temporal;
    }
    this.tokens.rewindTo(position);
    return parseAsTemporal(token);
  }

  #parseQuotedString(): SchemaAndValue {
    let content = '';
    while (this.tokens.hasNext()) {
      if (this.tokens.canConsume('"')) break;
      content += this.tokens.next();
    }
    return parseAsTemporal(content) ?? new SchemaAndValue(Schema.STRING_SCHEMA, content);
  }

  #parseArray(): SchemaAndValue {
    const t = this.tokens;
    const result: unknown[] = [];
    const elements = new SchemaMerger();
    while (t.hasNext()) {
      if (t.canConsume(']')) {
        const common = elements.schema();
        if (common === null) return new SchemaAndValue(SchemaBuilder.arrayOfUnknown().build(), result);
        return new SchemaAndValue(SchemaBuilder.array(common).build(), result.map((v) => alignToSchema(common, v)));
      }
      if (t.canConsume(',')) throw new DataError(`Unable to parse an empty array element: ${t.original}`);
      const element = this.parse(true);
      elements.merge(element);
      result.push(element?.value ?? null);
      const position = t.mark();
      if (t.canConsume(']')) t.rewindTo(position);
      else if (!t.canConsume(',')) throw new DataError("Array elements missing ',' delimiter");
    }
    if (t.previous() === ',') throw new DataError(`Array is missing element after ',': ${t.original}`);
    throw new DataError(`Array is missing terminating ']': ${t.original}`);
  }

  #parseMap(): SchemaAndValue {
    const t = this.tokens;
    const result = new Map<unknown, unknown>();
    const keys = new SchemaMerger();
    const values = new SchemaMerger();
    while (t.hasNext()) {
      if (t.canConsume('}')) return mapResult(result, keys.schema(), values.schema());
      if (t.canConsume(',')) throw new DataError(`Unable to parse a map entry with no key or value: ${t.original}`);
      const key = this.parse(true);
      if (key === null || key.value === null) throw new DataError(`Map entry may not have a null key: ${t.original}`);
      if (!t.canConsume(':')) throw new DataError(`Map entry is missing ':' at ${t.position()} in ${t.original}`);
      const value = this.parse(true);
      result.set(key.value, value?.value ?? null);
      t.canConsume(',');
      keys.merge(key);
      values.merge(value);
    }
    if (t.previous() === ',') throw new DataError(`Map is missing element after ',': ${t.original}`);
    throw new DataError(`Map is missing terminating '}': ${t.original}`);
  }
}

function mapResult(entries: Map<unknown, unknown>, keySchema: ReturnType<SchemaMerger['schema']>, valueSchema: ReturnType<SchemaMerger['schema']>): SchemaAndValue {
  if (keySchema === null) return new SchemaAndValue(SchemaBuilder.mapOf(undefined, undefined).build(), entries);
  const aligned = new Map<unknown, unknown>();
  for (const [k, v] of entries) aligned.set(alignToSchema(keySchema, k), valueSchema === null ? v : alignToSchema(valueSchema, v));
  return new SchemaAndValue(SchemaBuilder.mapOf(keySchema, valueSchema ?? undefined).build(), aligned);
}
