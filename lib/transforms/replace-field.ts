/**
 * `org.apache.kafka.connect.transforms.ReplaceField$Key` / `$Value`: keeps the `include`d fields
 * (all when empty) minus the `exclude`d ones, then renames per `renames` (`old:new,...`). The
 * deprecated `whitelist` / `blacklist` keys stand in for `include` / `exclude` when those are unset.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { Field } from '#lib/data/field';
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Struct } from '#lib/data/struct';
import { DataError } from '#lib/errors';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { REPLACE_NULL_WITH_DEFAULT_CONFIG, REPLACE_NULL_WITH_DEFAULT_KEY, fieldValue } from './util/field-values';
import { KEY, VALUE, type RecordSide } from './util/record-side';
import { renamesValidator, parseRenameMappings, translateDeprecatedKeys } from './util/rename-mappings';
import { requireMap, requireStruct } from './util/requirements';
import { SchemaCache } from './util/schema-cache';
import { copySchemaBasics } from './util/schema-util';

export const REPLACE_FIELD_CLASS = `${TRANSFORMS_PACKAGE}.ReplaceField`;

export const REPLACE_FIELD_OVERVIEW =
  'Filter or rename fields.' +
  `<p/>Use the concrete transformation type designed for the record key (<code>${REPLACE_FIELD_CLASS}$Key</code>) or value (<code>${REPLACE_FIELD_CLASS}$Value</code>).`;

const PURPOSE = 'field replacement';

export function replaceFieldConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'exclude', type: 'LIST', defaultValue: [], importance: 'MEDIUM', documentation: 'Fields to exclude. This takes precedence over the fields to include.' })
    .define({ name: 'blacklist', type: 'LIST', defaultValue: null, importance: 'LOW', documentation: 'Deprecated. Use exclude instead.' })
    .define({ name: 'include', type: 'LIST', defaultValue: [], importance: 'MEDIUM', documentation: 'Fields to include. If specified, only these fields will be used.' })
    .define({ name: 'whitelist', type: 'LIST', defaultValue: null, importance: 'LOW', documentation: 'Deprecated. Use include instead.' })
    .define({ name: 'renames', type: 'LIST', defaultValue: [], validator: renamesValidator(), importance: 'MEDIUM', documentation: 'Field rename mappings.' })
    .define(REPLACE_NULL_WITH_DEFAULT_KEY);
}

const CONFIG_DEF = replaceFieldConfigDef();

export interface ReplacePlan {
  readonly schema: Schema;
  readonly targets: readonly Field[];
  readonly sources: readonly Field[];
  /** The updated struct's values start as a copy of this: `slice` has no allocation site for V8 to pretenure. */
  readonly blank: readonly unknown[];
  /** Where each source field's value is in the input struct's values. */
  readonly indexes: readonly number[];
  /** Whether a source field has a default, which a null may have to be replaced with. */
  readonly copiesDefaults: boolean;
}

export class ReplaceField<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #exclude: ReadonlySet<string> = new Set();
  #include: ReadonlySet<string> = new Set();
  #renames: ReadonlyMap<string, string> = new Map();
  #reverseRenames: ReadonlyMap<string, string> = new Map();
  #replaceNullWithDefault = true;
  /** The schemaless copy's per-name decisions, built once per config (see `schemalessCopy`). */
  #copy: SchemalessCopy = { table: new Map(), keepsUnlisted: true, out: new Map() };
  /** Per input schema: the updated schema and, for each of its fields, the input field it copies. */
  readonly #plans = new SchemaCache<ReplacePlan>();
  /** Made once: a closure made per record would be an allocation per record. */
  readonly #buildPlan = (schema: Schema): ReplacePlan => this.#plan(schema);

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, translateDeprecatedKeys(props, { include: 'whitelist', exclude: 'blacklist' }));
    this.#exclude = new Set(config.getList('exclude'));
    this.#include = new Set(config.getList('include'));
    this.#renames = parseRenameMappings(config.getList('renames') ?? []);
    this.#reverseRenames = new Map([...this.#renames].map(([from, to]) => [to, from]));
    this.#replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
    this.#copy = schemalessCopy(this.#exclude, this.#include, this.#renames);
  }

  apply(record: R): R | null {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    const schema = this.side.schema(record);
    return schema === null ? this.#applySchemaless(record, value) : this.#applyWithSchema(record, value);
  }

  #applySchemaless(record: R, value: unknown): R {
    const updated = new Map<string, unknown>();
    this.copyEntries(requireMap(value, PURPOSE), updated);
    return this.side.update(record, null, updated);
  }

  /**
   * The schemaless copy: puts the entries of `source` that this config keeps into `out`, renamed,
   * in `source`'s order (anything with Map's `forEach`, so a fused run can feed it entries that are
   * in no map).
   */
  copyEntries(source: EntrySource, out: Map<string, unknown>): void {
    // forEach with a module-level callback: no [key, value] pair per entry, no closure per record.
    const copy = this.#copy;
    copy.out = out;
    try {
      source.forEach(copyEntry, copy);
    } finally {
      copy.out = NO_OUTPUT;
    }
  }

  #applyWithSchema(record: R, value: unknown): R {
    const struct = requireStruct(value, PURPOSE);
    const plan = this.planFor(struct.schema);
    const { targets, sources, indexes } = plan;
    const values = plan.blank.slice();
    if (plan.copiesDefaults) {
      for (let i = 0; i < targets.length; i++) values[i] = fieldValue(struct, sources[i] as Field, this.#replaceNullWithDefault);
    } else {
      // No defaults: every field reads as stored.
      const stored = Struct.valuesOf(struct);
      for (let i = 0; i < targets.length; i++) values[i] = stored[indexes[i] as number];
    }
    return this.side.update(record, plan.schema, Struct.withCopiedValues(plan.schema, values));
  }

  /** The plan for structs of `schema`, from the per-schema cache `apply` uses; throws what building it throws. */
  planFor(schema: Schema): ReplacePlan {
    return this.#plans.getOrBuild(schema, this.#buildPlan);
  }

  #plan(schema: Schema): ReplacePlan {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) if (this.#keeps(field.name)) builder.field(this.#renamed(field.name), field.schema);
    const updated = builder.build();
    // Kafka reads each kept field back through the reverse rename map; the same lookups, done once.
    const sources = updated.fields.map((field) => {
      const name = this.#reverseRenames.get(field.name) ?? field.name;
      const source = schema.field(name);
      if (source === undefined) throw new DataError(`${name} is not a valid field name`);
      return source;
    });
    return {
      schema: updated, targets: updated.fields, sources, blank: new Array<unknown>(updated.fields.length).fill(null),
      indexes: sources.map((f) => f.index), copiesDefaults: sources.some((f) => f.schema.defaultValue !== undefined),
    };
  }

  #keeps(name: string): boolean {
    return !this.#exclude.has(name) && (this.#include.size === 0 || this.#include.has(name));
  }

  #renamed(name: string): string {
    return this.#renames.get(name) ?? name;
  }

  config(): ConfigDef {
    return replaceFieldConfigDef();
  }

  close(): void {
    this.#plans.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

/** What the schemaless copy reads: a map, or anything that hands out entries as Map's `forEach` does. */
export interface EntrySource {
  forEach(callback: (value: unknown, name: string) => void, thisArg?: unknown): void;
}

/** Stands for an excluded (or not included) name in `SchemalessCopy.table`. */
const DROP = Symbol('drop');
const NO_OUTPUT: Map<string, unknown> = new Map();

/**
 * Kafka's schemaless `filter(name) ? put(renamed(name), value)` as one lookup per entry: `table`
 * maps each name the config lists to its output name or `DROP`; an unlisted name is kept under its
 * own name exactly when no `include` list is set.
 */
interface SchemalessCopy {
  readonly table: ReadonlyMap<string, string | typeof DROP>;
  readonly keepsUnlisted: boolean;
  /** The map being filled during one `forEach` (the callback's `this`). */
  out: Map<string, unknown>;
}

function schemalessCopy(exclude: ReadonlySet<string>, include: ReadonlySet<string>, renames: ReadonlyMap<string, string>): SchemalessCopy {
  const table = new Map<string, string | typeof DROP>();
  const keepsUnlisted = include.size === 0;
  const decide = (name: string): void => {
    const kept = !exclude.has(name) && (keepsUnlisted || include.has(name));
    table.set(name, kept ? (renames.get(name) ?? name) : DROP);
  };
  exclude.forEach(decide);
  include.forEach(decide);
  renames.forEach((_to, from) => decide(from));
  return { table, keepsUnlisted, out: NO_OUTPUT };
}

function copyEntry(this: SchemalessCopy, value: unknown, name: string): void {
  const to = this.table.get(name);
  if (to === undefined) {
    if (this.keepsUnlisted) this.out.set(name, value);
  } else if (to !== DROP) {
    this.out.set(to, value);
  }
}

export const replaceFieldKeyDescriptor = transformationDescriptor(`${REPLACE_FIELD_CLASS}$Key`, replaceFieldConfigDef, () => new ReplaceField(KEY));
export const replaceFieldValueDescriptor = transformationDescriptor(`${REPLACE_FIELD_CLASS}$Value`, replaceFieldConfigDef, () => new ReplaceField(VALUE));
