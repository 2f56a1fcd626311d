/**
 * InsertField then ReplaceField on the same side as one step, for the common cases; everything
 * else (nulls, other values, collisions, defaults, anything that throws) is left to the stages.
 *
 * Schemaless: one map instead of two. ReplaceField sees InsertField's map as the input's entries in
 * order (values of inserted names replaced in place), then the inserted names that were not in it,
 * in InsertField's order; fed exactly that sequence of entries, its copy is the same map. Handled
 * when the map holds none of the names InsertField sets, which are all distinct.
 *
 * With a schema: one struct and one record instead of two. Both transformations' own cached plans
 * are looked up as the stages look them up (so their caches and the schema objects handed out stay
 * the same); ReplaceField's values are taken straight from the input struct and from the values
 * InsertField's plan puts (into a scratch struct, validated as it validates them). InsertField's
 * checks of the copied nulls and ReplaceField's of its own are made as the stages make them.
 * Handled when no copied field has a default.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Field } from '#lib/data/field';
import { Struct } from '#lib/data/struct';
import { validateValue } from '#lib/data/validate-value';
import { InsertField, type InsertPlan } from '../insert-field';
import { ReplaceField, type ReplacePlan } from '../replace-field';
import type { Transformation } from '../transformation';
import { NOT_FUSED, type FusedRun } from './fused-run';

export function fuseInsertReplace<R extends ConnectRecord>(first: Transformation<R>, second: Transformation<R>): FusedRun<R> | null {
  if (!(first instanceof InsertField) || !(second instanceof ReplaceField) || first.side !== second.side) return null;
  const names = (first as InsertField<R>).insertedNames();
  if (new Set(names).size !== names.length) return null;
  return new InsertReplaceRun(first as InsertField<R>, second as ReplaceField<R>, names);
}

class InsertReplaceRun<R extends ConnectRecord> implements FusedRun<R> {
  readonly length = 2;
  /** The record whose insertions `forEach` hands out, during one `apply`. */
  #record: R | null = null;
  /** For the last pair of plans the stages used. */
  #structPlan: StructPlan | null = null;

  constructor(readonly insert: InsertField<R>, readonly replace: ReplaceField<R>, readonly names: readonly string[]) {}

  apply(record: R): R | typeof NOT_FUSED {
    const side = this.insert.side;
    const value = side.value(record);
    if (value instanceof Struct) return side.schema(record) === null ? NOT_FUSED : this.#applyWithSchema(record, value);
    if (!(value instanceof Map) || side.schema(record) !== null) return NOT_FUSED;
    const input = value as Map<string, unknown>;
    for (let i = 0; i < this.names.length; i++) if (input.has(this.names[i] as string)) return NOT_FUSED;
    const out = new Map<string, unknown>();
    this.#record = record;
    try {
      this.replace.copyEntries(input, out);
      this.replace.copyEntries(this, out);
      return side.update(record, null, out);
    } catch {
      return NOT_FUSED;
    } finally {
      this.#record = null;
    }
  }

  #applyWithSchema(record: R, struct: Struct): R | typeof NOT_FUSED {
    try {
      const inserting = this.insert.planFor(struct.schema);
      if (inserting.copiesDefaults) return NOT_FUSED;
      const replacing = this.replace.planFor(inserting.schema);
      if (replacing.copiesDefaults) return NOT_FUSED;
      let plan = this.#structPlan;
      if (plan === null || plan.inserting !== inserting || plan.replacing !== replacing) plan = this.#structPlan = structPlan(inserting, replacing);
      const stored = Struct.valuesOf(struct);
      // InsertField's check of the nulls it copies (Struct.withCopiedValues).
      const { copied } = inserting;
      for (let i = 0; i < copied.length; i++) {
        if (stored[i] !== null && stored[i] !== undefined) continue;
        const field = copied[i] as Field;
        validateValue(field.schema, null, field.name);
      }
      const { scratch } = plan;
      for (const field of plan.inserted) scratch.putTrusted(field, null);
      this.insert.putInsertions(record, inserting, scratch);
      const insertedValues = Struct.valuesOf(scratch);
      const values = replacing.blank.slice();
      const { from } = plan;
      for (let k = 0; k < from.length; k++) {
        const j = from[k] as number;
        values[k] = j < copied.length ? (stored[j] ?? null) : insertedValues[j];
      }
      return this.insert.side.update(record, replacing.schema, Struct.withCopiedValues(replacing.schema, values));
    } catch {
      return NOT_FUSED;
    }
  }

  /** The insertions for the record being applied, as ReplaceField's copy reads a map. */
  forEach(callback: (value: unknown, name: string) => void, thisArg?: unknown): void {
    this.insert.forEachInsertion(this.#record as R, callback, thisArg);
  }
}

/** How the fused run builds ReplaceField's struct for one pair of the stages' plans. */
interface StructPlan {
  readonly inserting: InsertPlan;
  readonly replacing: ReplacePlan;
  /** For each of ReplaceField's fields, its index in InsertField's struct (copied fields first). */
  readonly from: readonly number[];
  /** InsertField's inserted fields, and a struct of its schema their values are put into per record. */
  readonly inserted: readonly Field[];
  readonly scratch: Struct;
}

function structPlan(inserting: InsertPlan, replacing: ReplacePlan): StructPlan {
  return {
    inserting, replacing, from: replacing.indexes, inserted: inserting.targets.slice(inserting.copied.length), scratch: new Struct(inserting.schema),
  };
}
