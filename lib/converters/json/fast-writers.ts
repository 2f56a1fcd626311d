import { Struct, type Schema } from '#lib/data/index';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import { javaDoubleToString } from '#lib/data/java-number-format';
import { ByteRun } from './byte-run';
import { bail } from './fast-path-bail';
import type { JsonByteWriter } from './json-byte-writer';
import { quoteJsonString } from './json-string';
import type { JsonConversionOptions } from './json-write-options';
import { compileWriter } from './to-json';

/** Writes one value of a fixed schema as JSON bytes. */
export type FastWriter = (w: JsonByteWriter, value: unknown) => void;

const LOGICAL_NAMES: ReadonlySet<string | undefined> = new Set([DECIMAL_LOGICAL_NAME, DATE_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME]);
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const NULL = ByteRun.of('null');
const TRUE = ByteRun.of('true');
const FALSE = ByteRun.of('false');

/** How a value of a schema is written: leaf kinds inline (one switch, no call), others by `write`. */
interface Plan {
  readonly kind: number;
  readonly min: number;
  readonly max: number;
  readonly write: FastWriter;
  readonly ifNull: FastWriter;
}

const STRING = 0;
const INTEGRAL = 1;
const LONG = 2;
const DOUBLE = 3;
const BOOLEAN = 4;
const OTHER = 5;

/**
 * Kafka's `convertToJson` (see `compileWriter`, the reference) writing bytes directly, compiled once
 * per schema. It writes the JS representations `Struct.put` produces; anything else (wrong types,
 * a required null, a struct of another schema, a map with non-string keys in object mode) bails, and
 * the caller writes the value with the reference writer, which gives the text or Kafka's error.
 * Logical types, FLOAT32 and BYTES are written as the reference writes them.
 */
export function compileFastWriter(schema: Schema, options: JsonConversionOptions): FastWriter {
  const plan = compilePlan(schema, options);
  return (w, value) => write(w, plan, value);
}

function compilePlan(schema: Schema, options: JsonConversionOptions): Plan {
  const reference = compileWriter(schema, options);
  const ifNull: FastWriter =
    schema.defaultValue !== undefined && options.replaceNullWithDefault ? (w) => w.text(reference(null)) : schema.optional ? (w) => w.run(NULL) : bail;
  const plan = (kind: number, write: FastWriter = bail, min = 0, max = 0): Plan => ({ kind, min, max, write, ifNull });
  if (LOGICAL_NAMES.has(schema.name)) return plan(OTHER, viaReference(reference));
  switch (schema.type) {
    case 'INT8':
      return plan(INTEGRAL, bail, -128, 127);
    case 'INT16':
      return plan(INTEGRAL, bail, -32768, 32767);
    case 'INT32':
      return plan(INTEGRAL, bail, -2147483648, 2147483647);
    case 'INT64':
      return plan(LONG);
    case 'FLOAT64':
      return plan(DOUBLE);
    case 'BOOLEAN':
      return plan(BOOLEAN);
    case 'STRING':
      return plan(STRING);
    case 'ARRAY':
      return plan(OTHER, schema.valueSchema === undefined ? viaReference(reference) : arrayWriter(compilePlan(schema.valueSchema, options)));
    case 'MAP':
      if (schema.keySchema === undefined || schema.valueSchema === undefined) return plan(OTHER, viaReference(reference));
      return plan(OTHER, mapWriter(compilePlan(schema.keySchema, options), compilePlan(schema.valueSchema, options)));
    case 'STRUCT':
      return plan(OTHER, structWriter(schema, options));
    default:
      return plan(OTHER, viaReference(reference));
  }
}

function viaReference(reference: (value: unknown) => string): FastWriter {
  return (w, value) => w.text(reference(value));
}

function write(w: JsonByteWriter, plan: Plan, v: unknown): void {
  if (v === null || v === undefined) {
    plan.ifNull(w, v);
    return;
  }
  switch (plan.kind) {
    case STRING:
      if (typeof v !== 'string') bail();
      w.string(v);
      return;
    case INTEGRAL:
      if (typeof v !== 'number' || !Number.isInteger(v) || v < plan.min || v > plan.max) bail();
      w.integer(v);
      return;
    case LONG:
      writeLong(w, v);
      return;
    case DOUBLE:
      if (typeof v !== 'number') bail();
      if (Number.isFinite(v)) w.double(v);
      else w.ascii(`"${javaDoubleToString(v)}"`);
      return;
    case BOOLEAN:
      w.run(v === true ? TRUE : v === false ? FALSE : bail());
      return;
    default:
      plan.write(w, v);
  }
}

function writeLong(w: JsonByteWriter, v: unknown): void {
  if (typeof v === 'bigint') {
    const n = Number(v);
    if (Number.isSafeInteger(n)) w.integer(n);
    else if (v >= INT64_MIN && v <= INT64_MAX) w.ascii(v.toString());
    else bail();
  } else if (Number.isSafeInteger(v)) w.integer(v as number);
  else bail();
}

function arrayWriter(element: Plan): FastWriter {
  return (w, value) => {
    if (!Array.isArray(value)) bail();
    w.byte(91);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) w.byte(44);
      write(w, element, value[i]);
    }
    w.byte(93);
  };
}

/**
 * Where a map's entries are written: `Map.prototype.forEach` with this as `this` visits them without
 * the iterator and `[key, value]` pair a `for…of` allocates per entry. One per compiled map schema:
 * a map's entries never hold a map of that same schema node, so the state is never re-entered (a
 * bail abandons the whole document, and the next map starts afresh).
 */
class MapEntries {
  w: JsonByteWriter | undefined;
  first = true;
  constructor(
    readonly key: Plan,
    readonly value: Plan,
  ) {}
}

function mapWriter(key: Plan, value: Plan): FastWriter {
  const state = new MapEntries(key, value);
  // Object mode; a non-string key needs the reference writer's merging of keys by their text.
  const entry = key.kind === STRING ? writeMember : writePair;
  const [open, close] = key.kind === STRING ? [123, 125] : [91, 93];
  return (w, map) => {
    if (!(map instanceof Map)) bail();
    state.w = w;
    state.first = true;
    w.byte(open);
    (map as Map<unknown, unknown>).forEach(entry, state);
    w.byte(close);
  };
}

function writeMember(this: MapEntries, v: unknown, k: unknown): void {
  const w = this.w as JsonByteWriter;
  if (typeof k !== 'string') bail();
  if (!this.first) w.byte(44);
  this.first = false;
  w.string(k);
  w.byte(58);
  write(w, this.value, v);
}

function writePair(this: MapEntries, v: unknown, k: unknown): void {
  const w = this.w as JsonByteWriter;
  if (!this.first) w.byte(44);
  this.first = false;
  w.byte(91);
  write(w, this.key, k);
  w.byte(44);
  write(w, this.value, v);
  w.byte(93);
}

function structWriter(schema: Schema, options: JsonConversionOptions): FastWriter {
  const fields = schema.fields;
  const prefixes = fields.map((f, i) => ByteRun.of(`${i === 0 ? '{' : ','}${quoteJsonString(f.name)}:`));
  const plans = fields.map((f) => compilePlan(f.schema, options));
  return (w, value) => {
    if (!(value instanceof Struct) || (value.schema !== schema && !value.schema.equals(schema))) bail();
    if (fields.length === 0) {
      w.ascii('{}');
      return;
    }
    const values = Struct.valuesOf(value);
    for (let i = 0; i < fields.length; i++) {
      w.run(prefixes[i] as ByteRun);
      write(w, plans[i] as Plan, values[i]);
    }
    w.byte(125);
  };
}
