/**
 * Kafka's `transforms.field.SingleFieldPath`: the steps to one field in a Struct or a schemaless
 * Map. V1 is one step, the text as given; V2 splits on dots, with backtick-quoted steps that may
 * contain dots (a backslash before a closing backtick keeps it in the name).
 */
import type { Field } from '#lib/data/field';
import type { Schema } from '#lib/data/schema';
import type { Struct } from '#lib/data/struct';
import { ConfigException } from '#lib/plugin/config-exception';
import { requireMapOrNull, requireStructOrNull, type FieldMap } from '../util/requirements';
import type { FieldSyntaxVersion } from './field-syntax-version';

const NESTED = 'nested field access';

export class SingleFieldPath {
  readonly steps: readonly string[];
  readonly #parents: readonly string[];
  readonly #last: string;

  constructor(pathText: string, readonly version: FieldSyntaxVersion) {
    this.steps = Object.freeze(version === 'V1' ? [pathText] : parseV2(pathText));
    this.#parents = this.steps.slice(0, -1);
    this.#last = this.steps[this.steps.length - 1] ?? '';
  }

  /** The field at this path in a schema, or null when a step is missing. */
  fieldFrom(schema: Schema | null): Field | null {
    if (schema === null) return null;
    let current = schema;
    for (const step of this.#parents) {
      const field = current.field(step);
      if (field === undefined) return null;
      current = field.schema;
    }
    return current.field(this.#last) ?? null;
  }

  /** The value at this path, or null when a step is missing or null (Kafka's `valueFrom(Struct, withDefault)`). */
  valueFromStruct(struct: Struct | null, withDefault = true): unknown {
    let current = struct;
    for (const step of this.#parents) {
      if (current === null) return null;
      if (current.schema.field(step) === undefined) return null;
      current = requireStructOrNull(current.get(step), NESTED);
    }
    if (current === null) return null;
    const last = this.#last;
    if (current.schema.field(last) === undefined) return null;
    return withDefault ? current.get(last) : current.getWithoutDefault(last);
  }

  valueFromMap(map: FieldMap | null): unknown {
    let current = map;
    for (const step of this.#parents) {
      if (current === null) return null;
      current = requireMapOrNull(current.get(step), NESTED);
    }
    return current === null ? null : (current.get(this.#last) ?? null);
  }

  toString(): string {
    return `SingleFieldPath{version=${this.version}, path=${this.steps.join('.')}}`;
  }
}

function parseV2(path: string): string[] {
  const steps: string[] = [];
  let idx = 0;
  while (idx < path.length && idx >= 0) {
    if (path[idx] !== '`') {
      const start = idx;
      idx = path.indexOf('.', idx);
      steps.push(idx >= 0 ? path.slice(start, idx) : path.slice(start));
      if (idx >= 0) idx++;
      continue;
    }
    idx = parseQuotedStep(path, idx, steps);
  }
  if (path.length > 0 && path.endsWith('.')) steps.push('');
  return steps;
}

/** Reads a backtick-quoted step starting at `backtickAt`; returns the index after it and its dot. */
function parseQuotedStep(path: string, backtickAt: number, steps: string[]): number {
  let idx = backtickAt + 1;
  let start = idx;
  let field = '';
  for (;;) {
    idx = path.indexOf('`', idx);
    if (idx === -1) throw incompleteBacktickPair(path, backtickAt);
    const escaped = path[idx - 1] === '\\';
    if (idx >= path.length - 1) {
      if (escaped) throw incompleteBacktickPair(path, backtickAt);
      steps.push(field + path.slice(start, idx));
      return idx + 1;
    }
    if (path[idx + 1] !== '.') {
      idx++;
      continue;
    }
    if (escaped) {
      field += `${path.slice(start, idx - 1)}\``;
      idx++;
      start = idx;
      continue;
    }
    steps.push(field + path.slice(start, idx));
    return idx + 2;
  }
}

function incompleteBacktickPair(path: string, backtickAt: number): ConfigException {
  return new ConfigException(`Incomplete backtick pair in path: [${path}], consider adding a backslash before backtick at position ${backtickAt} to escape it`);
}
