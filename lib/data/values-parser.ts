import { DataError } from '#lib/errors';
import { BigDecimal, pow10 } from './big-decimal';
import { ConnectDecimal } from './connect-decimal';
import { decimalToFloat32 } from './float32-interval';
import { isBlank, javaTrim } from './java-text';
import { SchemaAndValue } from './schema-and-value';
import { SchemaBuilder } from './schema-builder';
import { Schema } from './schemas';
import { convertTo } from './values-convert';
import { SchemaMerger } from './values-schema-merge';
import { parseTemporal } from './values-temporal';
import { ValuesTokenizer } from './values-tokenizer';

const TRUE = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, true);
const FALSE = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, false);
const DIGIT = /^\p{Nd}/u;

/** Kafka's `Values.ValueParser`: the best schema and value for a header string (see `Values.parseString`). */
export class ValuesParser {
  readonly #p: ValuesTokenizer;

  constructor(text: string) {
    this.#p = new ValuesTokenizer(text);
  }

  parse(embedded: boolean): SchemaAndValue | null {
    const p = this.#p;
    if (!p.hasNext()) return null;
    if (embedded && p.canConsume('"')) return this.#quoted();
    if (this.#literal(embedded, 'null')) return null;
    if (this.#literal(embedded, 'true')) return TRUE;
    if (this.#literal(embedded, 'false')) return FALSE;
    const start = p.mark();
    try {
      if (p.canConsume('[')) return this.#array();
      if (p.canConsume('{')) return this.#map();
    } catch (err) {
      if (!(err instanceof DataError)) throw err;
      p.rewindTo(start);
    }
    const token = p.next();
    if (isBlank(token)) return new SchemaAndValue(Schema.STRING_SCHEMA, token);
    return this.#token(embedded, javaTrim(token));
  }

  #literal(embedded: boolean, literal: string): boolean {
    const start = this.#p.mark();
    if (this.#p.canConsume(literal) && (embedded || !this.#p.hasNext())) return true;
    this.#p.rewindTo(start);
    return false;
  }

  #token(embedded: boolean, token: string): SchemaAndValue {
    const digit = DIGIT.test(token);
    if (digit) {
      const position = this.#p.mark();
      const rest = this.#p.nextN(4);
      const temporal = rest === null ? null : parseTemporal(token + rest);
      if (temporal !== null) return temporal;
      this.#p.rewindTo(position);
      const single = parseTemporal(token);
      if (single !== null) return single;
    }
    if (digit || token[0] === '+' || token[0] === '-') {
      const number = parseNumber(token);
      if (number !== null) return number;
    }
    if (embedded) throw new DataError('Failed to parse embedded value');
    return new SchemaAndValue(Schema.STRING_SCHEMA, this.#p.original);
  }

  #quoted(): SchemaAndValue {
    let content = '';
    while (this.#p.hasNext() && !this.#p.canConsume('"')) content += this.#p.next();
    return parseTemporal(content) ?? new SchemaAndValue(Schema.STRING_SCHEMA, content);
  }

  #array(): SchemaAndValue {
    const p = this.#p;
    const values: unknown[] = [];
    const merger = new SchemaMerger();
    while (p.hasNext()) {
      if (p.canConsume(']')) {
        const common = merger.schema;
        if (common === null) return new SchemaAndValue(SchemaBuilder.arrayOfUnknown().build(), values);
        return new SchemaAndValue(SchemaBuilder.array(common).build(), values.map((v) => convertTo(common, v)));
      }
      if (p.canConsume(',')) throw new DataError(`Unable to parse an empty array element: ${p.original}`);
      const element = this.parse(true);
      merger.merge(element);
      values.push(element === null ? null : element.value);
      const position = p.mark();
      if (p.canConsume(']')) p.rewindTo(position);
      else if (!p.canConsume(',')) throw new DataError("Array elements missing ',' delimiter");
    }
    if (p.previous === ',') throw new DataError(`Array is missing element after ',': ${p.original}`);
    throw new DataError(`Array is missing terminating ']': ${p.original}`);
  }

  #map(): SchemaAndValue {
    const p = this.#p;
    const entries: [unknown, unknown][] = [];
    const keys = new SchemaMerger();
    const values = new SchemaMerger();
    while (p.hasNext()) {
      if (p.canConsume('}')) return mapResult(entries, keys.schema, values.schema);
      if (p.canConsume(',')) throw new DataError(`Unable to parse a map entry with no key or value: ${p.original}`);
      const key = this.parse(true);
      if (key === null || key.value === null) throw new DataError(`Map entry may not have a null key: ${p.original}`);
      if (!p.canConsume(':')) throw new DataError(`Map entry is missing ':' at ${p.position} in ${p.original}`);
      const value = this.parse(true);
      entries.push([key.value, value === null ? null : value.value]);
      p.canConsume(',');
      keys.merge(key);
      values.merge(value);
    }
    if (p.previous === ',') throw new DataError(`Map is missing element after ',': ${p.original}`);
    throw new DataError(`Map is missing terminating '}': ${p.original}`);
  }
}

function mapResult(entries: [unknown, unknown][], keySchema: SchemaAndValue['schema'], valueSchema: SchemaAndValue['schema']): SchemaAndValue {
  if (keySchema === null) return new SchemaAndValue(SchemaBuilder.mapOf(undefined, undefined).build(), new Map(entries));
  const aligned = new Map<unknown, unknown>();
  for (const [k, v] of entries) aligned.set(convertTo(keySchema, k), valueSchema === null ? v : convertTo(valueSchema, v));
  const schema = valueSchema === null ? SchemaBuilder.mapOf(keySchema, undefined).build() : SchemaBuilder.map(keySchema, valueSchema).build();
  return new SchemaAndValue(schema, aligned);
}

/** Kafka's `parseAsNumber`: the smallest integer type that holds an integral value, else float32/float64, else Decimal. */
export function parseNumber(token: string): SchemaAndValue | null {
  let decimal: BigDecimal;
  try {
    decimal = BigDecimal.parse(token);
  } catch {
    return null;
  }
  const integral = integralPart(decimal);
  if (integral !== undefined) {
    const n = integral;
    if (n >= -128n && n <= 127n) return new SchemaAndValue(Schema.INT8_SCHEMA, Number(n));
    if (n >= -32768n && n <= 32767n) return new SchemaAndValue(Schema.INT16_SCHEMA, Number(n));
    if (n >= -2147483648n && n <= 2147483647n) return new SchemaAndValue(Schema.INT32_SCHEMA, Number(n));
    if (BigInt.asIntN(64, n) === n) return new SchemaAndValue(Schema.INT64_SCHEMA, n);
  }
  if (decimal.scale !== 0) {
    const f = decimalToFloat32(decimal.toString());
    if (Number.isFinite(f)) return new SchemaAndValue(Schema.FLOAT32_SCHEMA, f);
    const d = decimal.toNumber();
    if (Number.isFinite(d)) return new SchemaAndValue(Schema.FLOAT64_SCHEMA, d);
  }
  return new SchemaAndValue(ConnectDecimal.schema(decimal.scale), decimal);
}

/** The value as a bigint when it has no fractional part (Kafka's ceil == floor test). */
function integralPart(d: BigDecimal): bigint | undefined {
  if (d.scale <= 0) return d.scale < -400 ? undefined : d.unscaled * pow10(-d.scale);
  if (d.unscaled === 0n) return 0n;
  // A non-zero value whose digits are all fraction is not integral (and 10^scale may be huge).
  if (d.scale >= d.precision()) return undefined;
  const divisor = pow10(d.scale);
  return d.unscaled % divisor === 0n ? d.unscaled / divisor : undefined;
}
