import { Struct, type Schema } from '#lib/data/index';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import { bail } from './fast-path-bail';
import type { JsonCursor } from './json-cursor';
import type { JsonConversionOptions } from './json-write-options';
import { toConnect } from './to-connect';

/**
 * Reads the value at the cursor as a Connect value of one schema; `depth` is the nesting depth
 * JsonReader would read it at (its container's).
 */
export type FastReader = (c: JsonCursor, depth: number) => unknown;

const MAX_DEPTH = 1000;

/**
 * Arrays (and structs' values) are made by `slice`: elements are collected in a scratch array per
 * nesting depth and copied out at their exact length. Built with literals and push instead, the
 * arrays of a batch kept until put made V8 pretenure their allocation site, after which the young
 * values they hold survived every scavenge until a full GC, halving sink throughput at random.
 */
const SCRATCH: unknown[][] = [];
const NO_ELEMENTS: readonly unknown[] = [];

function copyOut(scratch: unknown[], n: number): unknown[] {
  const out = scratch.slice(0, n);
  for (let i = 0; i < n; i++) scratch[i] = undefined;
  return out;
}
const REQUIRED = Symbol('required');
const LOGICAL_NAMES: ReadonlySet<string | undefined> = new Set([DECIMAL_LOGICAL_NAME, DATE_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME]);

/** How a value of a schema is read: leaf kinds inline (one switch, no call), the others by `read`. */
interface Plan {
  readonly kind: number;
  /** What a null (or missing) value reads as; REQUIRED when it is an error. */
  readonly ifNull: unknown;
  /** INT8 and INT16 wrap their `intValue()` like Kafka's casts: by shifting left and back. */
  readonly shift: number;
  readonly read: FastReader;
}

const STRING = 0;
const INT = 1;
const LONG = 2;
const DOUBLE = 3;
const BOOLEAN = 4;
const SCHEMALESS = 5;
const OTHER = 6;

/**
 * Kafka's `convertToConnect` straight from JSON text, compiled once per schema: what `toConnect`
 * gives for the tree JsonReader would build, for the JSON Kafka writes — the natural JSON type of
 * every schema type, members in any order, unknown members skipped, missing ones and nulls as
 * `toConnect` treats them. Anything else (a lenient accessor at work, a required null, bad syntax)
 * bails. Logical types and bytes go through `toConnect` on a tree of just that value.
 */
export function compileReader(schema: Schema | null, options: JsonConversionOptions): FastReader {
  if (schema === null) return readSchemaless;
  const plan = compilePlan(schema, options);
  return (c, depth) => read(c, plan, depth);
}

function compilePlan(schema: Schema | null, options: JsonConversionOptions): Plan {
  if (schema === null) return { kind: SCHEMALESS, ifNull: null, shift: 0, read: readSchemaless };
  const ifNull = nullValue(schema, options);
  const plan = (kind: number, read: FastReader = bail, shift = 0): Plan => ({ kind, ifNull, shift, read });
  if (LOGICAL_NAMES.has(schema.name)) return plan(OTHER, viaTree(schema, options));
  switch (schema.type) {
    case 'BOOLEAN':
      return plan(BOOLEAN);
    case 'INT8':
      return plan(INT, bail, 24);
    case 'INT16':
      return plan(INT, bail, 16);
    case 'INT32':
      return plan(INT);
    case 'INT64':
      return plan(LONG);
    case 'FLOAT64':
      return plan(DOUBLE);
    case 'STRING':
      return plan(STRING);
    case 'ARRAY':
      return plan(OTHER, arrayReader(compilePlan(schema.valueSchema ?? null, options)));
    case 'MAP':
      return plan(OTHER, mapReader(schema, options));
    case 'STRUCT':
      return plan(OTHER, structReader(schema, options));
    default:
      return plan(OTHER, viaTree(schema, options));
  }
}

/** What `toConnect` gives for a null or missing value: the default, null, or (REQUIRED) an error. */
function nullValue(schema: Schema, options: JsonConversionOptions): unknown {
  if (schema.defaultValue !== undefined && options.replaceNullWithDefault) return schema.defaultValue;
  return schema.optional ? null : REQUIRED;
}

/** The value at the cursor by its plan; a leaf accepts only its natural JSON type (else bails). */
function read(c: JsonCursor, plan: Plan, depth: number): unknown {
  const code = c.peek();
  if (code === 110) {
    c.literal('null');
    return plan.ifNull === REQUIRED ? bail() : plan.ifNull;
  }
  switch (plan.kind) {
    case STRING:
      if (code !== 34) bail();
      return c.string();
    case INT: {
      if (code !== 45 && (code < 48 || code > 57)) bail();
      c.scanNumber();
      const v = c.numberValue;
      // Within 32 bits `intValue()` is the value itself.
      if (!c.numberIntegral || !(v >= -2147483648 && v <= 2147483647)) bail();
      return (v << plan.shift) >> plan.shift;
    }
    case LONG:
      if (code !== 45 && (code < 48 || code > 57)) bail();
      c.scanNumber();
      if (!c.numberIntegral) bail();
      return c.numberLong();
    case DOUBLE:
      if (code !== 45 && (code < 48 || code > 57)) bail();
      c.scanNumber();
      return c.numberDouble();
    case BOOLEAN:
      if (code === 116) {
        c.literal('true');
        return true;
      }
      if (code !== 102) bail();
      c.literal('false');
      return false;
    case SCHEMALESS:
      return readSchemaless(c, depth);
    default:
      return plan.read(c, depth);
  }
}

/** The reference conversion of the value's tree (rare types); a lenient null for a required schema bails. */
function viaTree(schema: Schema, options: JsonConversionOptions): FastReader {
  return (c, depth) => {
    const ctx = { options, strict: false, sawNullForRequired: false };
    const value = toConnect(schema, c.tree(depth), ctx);
    return ctx.sawNullForRequired ? bail() : value;
  };
}

function arrayReader(element: Plan): FastReader {
  return (c, depth) => {
    if (c.peek() !== 91 || depth >= MAX_DEPTH) bail();
    c.pos++;
    if (c.peek() === 93) {
      c.pos++;
      return NO_ELEMENTS.slice();
    }
    const elements = (SCRATCH[depth] ??= []);
    let n = 0;
    do elements[n++] = read(c, element, depth + 1);
    while (!c.afterMember(93));
    return copyOut(elements, n);
  };
}

function mapReader(schema: Schema, options: JsonConversionOptions): FastReader {
  const keySchema = schema.keySchema ?? null;
  const value = compilePlan(schema.valueSchema ?? null, options);
  if (keySchema === null || keySchema.type === 'STRING') return objectMapReader(value);
  const key = compilePlan(keySchema, options);
  return (c, depth) => {
    if (c.peek() !== 91 || depth >= MAX_DEPTH - 1) bail();
    c.pos++;
    const out = new Map<unknown, unknown>();
    if (c.peek() === 93) {
      c.pos++;
      return out;
    }
    do {
      c.expect(91);
      const k = read(c, key, depth + 2);
      c.expect(44);
      out.set(k, read(c, value, depth + 2));
      c.expect(93);
    } while (!c.afterMember(93));
    return out;
  };
}

/** String-keyed maps; a repeated key keeps its first position and its last value, as via the tree. */
function objectMapReader(value: Plan): FastReader {
  return (c, depth) => {
    if (c.peek() !== 123 || depth >= MAX_DEPTH) bail();
    c.pos++;
    const out = new Map<string, unknown>();
    if (c.peek() === 125) {
      c.pos++;
      return out;
    }
    do {
      if (c.peek() !== 34) bail();
      const key = c.key();
      out.set(key, read(c, value, depth + 1));
    } while (!c.afterMember(125));
    return out;
  };
}

function structReader(schema: Schema, options: JsonConversionOptions): FastReader {
  const fields = schema.fields;
  const count = fields.length;
  const names = fields.map((f) => f.name);
  const codes = names.map((name) => Array.from({ length: name.length }, (_, i) => name.charCodeAt(i)));
  // Names a JSON writer would escape cannot be matched on the raw text.
  // eslint-disable-next-line no-control-regex
  const plain = names.map((name) => !/["\\\u0000-\u001f]/.test(name));
  const plans = fields.map((f) => compilePlan(f.schema, options));
  const missing = plans.map((p) => p.ifNull);
  const blank = new Array<unknown>(count).fill(undefined);
  return (c, depth) => {
    if (c.peek() !== 123 || depth >= MAX_DEPTH) bail();
    c.pos++;
    const values = blank.slice();
    if (c.peek() === 125) c.pos++;
    else {
      let next = 0;
      do {
        if (c.peek() !== 34) bail();
        let index = next;
        if (!(index < count && plain[index] === true && c.nameCodes(codes[index] as number[]))) {
          const field = schema.field(c.string());
          c.expect(58);
          if (field === undefined) {
            c.tree(depth + 1); // Kafka ignores members the schema does not have.
            continue;
          }
          index = field.index;
        } else c.expect(58);
        values[index] = read(c, plans[index] as Plan, depth + 1);
        next = index + 1;
      } while (!c.afterMember(125));
    }
    for (let i = 0; i < count; i++) {
      if (values[i] !== undefined) continue;
      const v = missing[i];
      if (v === REQUIRED) bail();
      values[i] = v;
    }
    return Struct.withTrustedValues(schema, values);
  };
}

/** Kafka's schemaless conversion: integers as int64 (bigint), decimals as doubles, objects as Maps. */
export function readSchemaless(c: JsonCursor, depth: number): unknown {
  const code = c.peek();
  switch (code) {
    case 34:
      return c.string();
    case 123: {
      if (depth >= MAX_DEPTH) bail();
      c.pos++;
      const out = new Map<string, unknown>();
      if (c.peek() === 125) {
        c.pos++;
        return out;
      }
      do {
        if (c.peek() !== 34) bail();
        const key = c.key();
        out.set(key, readSchemaless(c, depth + 1));
      } while (!c.afterMember(125));
      return out;
    }
    case 91: {
      if (depth >= MAX_DEPTH) bail();
      c.pos++;
      if (c.peek() === 93) {
        c.pos++;
        return NO_ELEMENTS.slice();
      }
      const elements = (SCRATCH[depth] ??= []);
      let n = 0;
      do elements[n++] = readSchemaless(c, depth + 1);
      while (!c.afterMember(93));
      return copyOut(elements, n);
    }
    case 116:
      c.literal('true');
      return true;
    case 102:
      c.literal('false');
      return false;
    case 110:
      c.literal('null');
      return null;
    default:
      if (code !== 45 && (code < 48 || code > 57)) bail();
      c.scanNumber();
      return c.numberIntegral ? c.numberLong() : c.numberDouble();
  }
}
