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
const REQUIRED = Symbol('required');
const LOGICAL_NAMES: ReadonlySet<string | undefined> = new Set([DECIMAL_LOGICAL_NAME, DATE_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME]);

/**
 * Kafka's `convertToConnect` straight from JSON text, compiled once per schema: what `toConnect`
 * gives for the tree JsonReader would build, for the JSON Kafka writes — the natural JSON type of
 * every schema type, members in any order, unknown members skipped, missing ones and nulls as
 * `toConnect` treats them. Anything else (a lenient accessor at work, a required null, bad syntax)
 * bails. Logical types and bytes go through `toConnect` on a tree of just that value.
 */
export function compileReader(schema: Schema | null, options: JsonConversionOptions): FastReader {
  if (schema === null) return readSchemaless;
  const typed = LOGICAL_NAMES.has(schema.name) ? viaTree(schema, options) : typedReader(schema, options);
  const ifNull = nullValue(schema, options);
  return (c, depth) => {
    if (c.peek() !== 110) return typed(c, depth);
    c.literal('null');
    return ifNull === REQUIRED ? bail() : ifNull;
  };
}

/** What `toConnect` gives for a null or missing value: the default, null, or (REQUIRED) an error. */
function nullValue(schema: Schema, options: JsonConversionOptions): unknown {
  if (schema.defaultValue !== undefined && options.replaceNullWithDefault) return schema.defaultValue;
  return schema.optional ? null : REQUIRED;
}

function typedReader(schema: Schema, options: JsonConversionOptions): FastReader {
  switch (schema.type) {
    case 'BOOLEAN':
      return readBoolean;
    case 'INT8':
      return (c) => (readInt(c) << 24) >> 24;
    case 'INT16':
      return (c) => (readInt(c) << 16) >> 16;
    case 'INT32':
      return readInt;
    case 'INT64':
      return readLong;
    case 'FLOAT64':
      return readDouble;
    case 'STRING':
      return readString;
    case 'ARRAY':
      return arrayReader(compileReader(schema.valueSchema ?? null, options));
    case 'MAP':
      return mapReader(schema, options);
    case 'STRUCT':
      return structReader(schema, options);
    default:
      return viaTree(schema, options);
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

function readBoolean(c: JsonCursor): boolean {
  const code = c.peek();
  if (code === 116) {
    c.literal('true');
    return true;
  }
  if (code !== 102) bail();
  c.literal('false');
  return false;
}

function scanNumber(c: JsonCursor): void {
  const code = c.peek();
  if (code !== 45 && (code < 48 || code > 57)) bail();
  c.scanNumber();
}

/** An integral literal within 32 bits (what `intValue()` returns unchanged). */
function readInt(c: JsonCursor): number {
  scanNumber(c);
  const v = c.numberValue;
  if (!c.numberIntegral || !(v >= -2147483648 && v <= 2147483647)) bail();
  return v;
}

function readLong(c: JsonCursor): bigint {
  scanNumber(c);
  if (!c.numberIntegral) bail();
  return c.numberLong();
}

function readDouble(c: JsonCursor): number {
  scanNumber(c);
  return c.numberDouble();
}

function readString(c: JsonCursor): string {
  if (c.peek() !== 34) bail();
  return c.string();
}

function arrayReader(element: FastReader): FastReader {
  return (c, depth) => {
    if (c.peek() !== 91 || depth >= MAX_DEPTH) bail();
    c.pos++;
    const out: unknown[] = [];
    if (c.peek() === 93) {
      c.pos++;
      return out;
    }
    do out.push(element(c, depth + 1));
    while (!c.afterMember(93));
    return out;
  };
}

function mapReader(schema: Schema, options: JsonConversionOptions): FastReader {
  const keySchema = schema.keySchema ?? null;
  const value = compileReader(schema.valueSchema ?? null, options);
  if (keySchema === null || keySchema.type === 'STRING') return objectMapReader(value);
  const key = compileReader(keySchema, options);
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
      const k = key(c, depth + 2);
      c.expect(44);
      out.set(k, value(c, depth + 2));
      c.expect(93);
    } while (!c.afterMember(93));
    return out;
  };
}

/** String-keyed maps; a repeated key keeps its first position and its last value, as via the tree. */
function objectMapReader(value: FastReader): FastReader {
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
      c.expect(58);
      out.set(key, value(c, depth + 1));
    } while (!c.afterMember(125));
    return out;
  };
}

function structReader(schema: Schema, options: JsonConversionOptions): FastReader {
  const fields = schema.fields;
  const count = fields.length;
  const names = fields.map((f) => f.name);
  // Names a JSON writer would escape cannot be matched on the raw text.
  // eslint-disable-next-line no-control-regex
  const plain = names.map((name) => !/["\\\u0000-\u001f]/.test(name));
  const readers = fields.map((f) => compileReader(f.schema, options));
  const missing = fields.map((f) => nullValue(f.schema, options));
  return (c, depth) => {
    if (c.peek() !== 123 || depth >= MAX_DEPTH) bail();
    c.pos++;
    const values = new Array<unknown>(count);
    if (c.peek() === 125) c.pos++;
    else {
      let next = 0;
      do {
        if (c.peek() !== 34) bail();
        let index = next;
        if (!(index < count && plain[index] === true && c.name(names[index] as string))) {
          const field = schema.field(c.string());
          c.expect(58);
          if (field === undefined) {
            c.tree(depth + 1); // Kafka ignores members the schema does not have.
            continue;
          }
          index = field.index;
        } else c.expect(58);
        values[index] = (readers[index] as FastReader)(c, depth + 1);
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
        c.expect(58);
        out.set(key, readSchemaless(c, depth + 1));
      } while (!c.afterMember(125));
      return out;
    }
    case 91: {
      if (depth >= MAX_DEPTH) bail();
      c.pos++;
      const out: unknown[] = [];
      if (c.peek() === 93) {
        c.pos++;
        return out;
      }
      do out.push(readSchemaless(c, depth + 1));
      while (!c.afterMember(93));
      return out;
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
