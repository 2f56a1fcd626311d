import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConnectRecord } from '#lib/data/connect-record';
import { Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { NOT_FUSED } from '#lib/transforms/fusion/fused-run';
import { fuseInsertReplace } from '#lib/transforms/fusion/insert-replace';
import { InsertField } from '#lib/transforms/insert-field';
import { ReplaceField } from '#lib/transforms/replace-field';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { configured, mapOf, sinkRecord, sourceRecord, withKey, withValue } from '../records';

const INSERT = { 'topic.field': 'source_topic', 'static.field': 'pipeline', 'static.value': 'lambda-connect' };
const REPLACE = { exclude: 'note', renames: 'customer:customer_name' };

function pair(insertProps: Record<string, string> = INSERT, replaceProps: Record<string, string> = REPLACE) {
  const insert = configured(new InsertField(VALUE), insertProps);
  const replace = configured(new ReplaceField(VALUE), replaceProps);
  const run = fuseInsertReplace(insert, replace);
  if (run === null) throw new Error('not fused');
  return { insert, replace, run };
}

function sequential(insert: InsertField, replace: ReplaceField, record: ConnectRecord): ConnectRecord | null {
  const inserted = insert.apply(record);
  return inserted === null ? null : replace.apply(inserted);
}

/** A map's entries in order, so that tests compare key order too. */
const entriesOf = (value: unknown): unknown => (value instanceof Map ? [...value.entries()] : value);

describe('fuseInsertReplace', () => {
  it('gives the record InsertField then ReplaceField give, with one map copy', () => {
    const { insert, replace, run } = pair();
    const record = withValue(null, mapOf({ id: 1n, customer: 'Ada', note: 'x', total: 2.5 }), { topic: 'orders' });

    const fused = run.apply(record) as ConnectRecord;

    expect(entriesOf(fused.value)).toEqual([['id', 1n], ['customer_name', 'Ada'], ['total', 2.5], ['source_topic', 'orders'], ['pipeline', 'lambda-connect']]);
    expect({ ...fused, value: entriesOf(fused.value) }).toEqual({ ...sequential(insert, replace, record), value: entriesOf(fused.value) });
  });

  it('does not change the input record or its map', () => {
    const { run } = pair();
    const value = mapOf({ id: 1n, customer: 'Ada', note: 'x' });
    const record = withValue(null, value);

    run.apply(record);

    expect(entriesOf(record.value)).toEqual([['id', 1n], ['customer', 'Ada'], ['note', 'x']]);
    expect(record.value).toBe(value);
  });

  it('drops and renames inserted fields as ReplaceField would', () => {
    const { run } = pair(INSERT, { exclude: 'source_topic', renames: 'pipeline:via' });

    const fused = run.apply(withValue(null, mapOf({ id: 1n }))) as ConnectRecord;

    expect(entriesOf(fused.value)).toEqual([['id', 1n], ['via', 'lambda-connect']]);
  });

  it('leaves a map that already holds an inserted name to the stages', () => {
    const { run } = pair();

    expect(run.apply(withValue(null, mapOf({ pipeline: 'old', id: 1n })))).toBe(NOT_FUSED);
  });

  it.each([
    ['a struct without a schema on the record', withValue(null, new Struct(SchemaBuilder.struct().field('id', Schema.INT32_SCHEMA).build()).put('id', 1))],
    ['a null value', withValue(null, null)],
    ['a string value', withValue(null, 'not a map')],
  ])('leaves %s to the stages', (_name, record) => {
    expect(pair().run.apply(record)).toBe(NOT_FUSED);
  });

  it('leaves a record the stages would fail on to them instead of throwing', () => {
    const { run } = pair({ 'offset.field': 'offset' }, {});

    expect(run.apply(sourceRecord({ value: mapOf({ id: 1n }) }))).toBe(NOT_FUSED);
  });

  it('does not fuse transformations of different sides', () => {
    expect(fuseInsertReplace(configured(new InsertField(KEY), INSERT), configured(new ReplaceField(VALUE), REPLACE))).toBeNull();
  });

  it('does not fuse an InsertField that sets one name twice', () => {
    const insert = configured(new InsertField(VALUE), { 'topic.field': 'x', 'static.field': 'x', 'static.value': 'v' });

    expect(fuseInsertReplace(insert, configured(new ReplaceField(VALUE), REPLACE))).toBeNull();
  });

  it('does not fuse the other order or other transformations', () => {
    expect(fuseInsertReplace(configured(new ReplaceField(VALUE), REPLACE), configured(new InsertField(VALUE), INSERT))).toBeNull();
    expect(fuseInsertReplace(configured(new InsertField(VALUE), INSERT), configured(new InsertField(VALUE), INSERT))).toBeNull();
  });

  it('fuses key-side transformations on the key', () => {
    const insert = configured(new InsertField(KEY), INSERT);
    const replace = configured(new ReplaceField(KEY), REPLACE);
    const record = withKey(null, mapOf({ customer: 'Ada' }), { value: 'v' });

    const fused = fuseInsertReplace(insert, replace)?.apply(record) as ConnectRecord;

    expect(entriesOf(fused.key)).toEqual(entriesOf(sequential(insert, replace, record)?.key));
    expect(fused.value).toBe('v');
  });
});

describe('fuseInsertReplace, property: same result as the stages one after the other', () => {
  // Field names overlap partly: inserted names may collide with the map's, renames may hit both.
  const names = fc.constantFrom('a', 'b', 'c', 'e', 'f');
  const maybe = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: undefined });
  // Distinct inserted names (an InsertField that sets one name twice is not fused).
  const insertProps = fc.tuple(fc.shuffledSubarray(['e', 'f', 'g', 'h', 'i'], { minLength: 5 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })).map(
    ([n, on]) => ({
      'topic.field': on[0] ? n[0] : undefined, 'partition.field': on[1] ? n[1] : undefined, 'offset.field': on[2] ? n[2] : undefined,
      'timestamp.field': on[3] ? n[3] : undefined, 'static.field': on[4] ? n[4] : undefined, 'static.value': on[5] ? 's' : undefined,
    }),
  );
  const any = fc.constantFrom('a', 'b', 'e', 'g', 'h');
  const list = fc.uniqueArray(any, { maxLength: 3 }).map((xs) => xs.join(','));
  const renames = fc.uniqueArray(fc.tuple(any, any), { maxLength: 2, selector: ([from]) => from }).map((xs) => xs.map(([f, t]) => `${f}:${t}`).join(','));
  const replaceProps = fc.record({ exclude: maybe(list), include: maybe(list), renames: maybe(renames) });
  const value = fc.uniqueArray(fc.tuple(names, fc.oneof(fc.integer(), fc.string(), fc.constant(null))), { maxLength: 5, selector: ([k]) => k }).map((xs) => new Map(xs));
  const record = fc.tuple(fc.boolean(), value, fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 9 }), { nil: null })).map(
    ([sink, map, timestamp, partition]) => (sink ? sinkRecord({ value: map, timestamp, kafkaPartition: partition ?? 0 }) : sourceRecord({ value: map, timestamp, kafkaPartition: partition })),
  );
  /** A configured transformation, or null for a config it rejects (no insertion, a bad rename). */
  const tryConfigured = <T extends InsertField | ReplaceField>(plugin: T, props: Record<string, string | undefined>): T | null => {
    try {
      return configured(plugin, defined(props));
    } catch {
      return null;
    }
  };
  const defined = (props: Record<string, string | undefined>): Record<string, string> => Object.fromEntries(Object.entries(props).filter((e): e is [string, string] => e[1] !== undefined));

  it('returns what the stages return, or NOT_FUSED, and never throws', () => {
    let fusedCount = 0;
    fc.assert(
      fc.property(insertProps, replaceProps, record, (ip, rp, input) => {
        const insert = tryConfigured(new InsertField(VALUE), ip);
        const replace = tryConfigured(new ReplaceField(VALUE), rp);
        fc.pre(insert !== null && replace !== null);
        const run = fuseInsertReplace(insert, replace);
        if (run === null) return;
        const before = entriesOf(input.value);
        const fused = run.apply(input);
        expect(entriesOf(input.value)).toEqual(before);
        if (fused === NOT_FUSED) return;
        fusedCount++;
        const expected = sequential(insert, replace, input) as ConnectRecord;
        expect(fused).not.toBeNull();
        const actual = fused as ConnectRecord;
        expect(entriesOf(actual.value)).toEqual(entriesOf(expected.value));
        expect({ ...actual, value: null }).toEqual({ ...expected, value: null });
      }),
      { numRuns: 2000 },
    );
    expect(fusedCount).toBeGreaterThan(100);
  });

  it('declines exactly the records the stages throw on (among those it does not decline for a collision)', () => {
    fc.assert(
      fc.property(insertProps, record, (ip, input) => {
        const insert = tryConfigured(new InsertField(VALUE), ip);
        fc.pre(insert !== null);
        const run = fuseInsertReplace(insert, configured(new ReplaceField(VALUE), {}));
        if (run === null || insert.insertedNames().some((n) => (input.value as Map<string, unknown>).has(n))) return;
        let throws = false;
        try {
          insert.apply(input);
        } catch {
          throws = true;
        }
        expect(run.apply(input) === NOT_FUSED).toBe(throws);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fuseInsertReplace with a schema', () => {
  const ORDER = SchemaBuilder.struct().name('Order').field('id', Schema.INT64_SCHEMA).field('customer', Schema.STRING_SCHEMA).field('note', Schema.OPTIONAL_STRING_SCHEMA).build();
  const order = () => new Struct(ORDER).put('id', 1n).put('customer', 'Ada').put('note', 'x');

  it('gives the struct and schema InsertField then ReplaceField give', () => {
    const { insert, replace, run } = pair({ ...INSERT, 'partition.field': 'p', 'offset.field': 'o', 'timestamp.field': 'ts' });
    const record = withValue(ORDER, order(), { topic: 'orders', kafkaPartition: 3, kafkaOffset: 9n, timestamp: 1_700_000_000_000 });

    const fused = run.apply(record) as ConnectRecord;
    const expected = sequential(insert, replace, record) as ConnectRecord;

    expect(fused.valueSchema).toBe(expected.valueSchema);
    expect(fused.valueSchema?.fields.map((f) => f.name)).toEqual(['id', 'customer_name', 'source_topic', 'p', 'o', 'ts', 'pipeline']);
    expect((fused.value as Struct).equals(expected.value)).toBe(true);
    expect(Struct.valuesOf(fused.value as Struct)).toEqual([1n, 'Ada', 'orders', 3, 9n, new Date(1_700_000_000_000), 'lambda-connect']);
    expect({ ...fused, value: null }).toEqual({ ...expected, value: null });
  });

  it('does not change the input struct', () => {
    const input = order();

    pair().run.apply(withValue(ORDER, input));

    expect(Struct.valuesOf(input)).toEqual([1n, 'Ada', 'x']);
  });

  it('leaves to the stages a required field InsertField copies as null, though ReplaceField drops it', () => {
    const { run } = pair(INSERT, { exclude: 'customer' });

    expect(run.apply(withValue(ORDER, new Struct(ORDER).put('id', 1n)))).toBe(NOT_FUSED);
  });

  it('leaves to the stages a required inserted field left null for the record', () => {
    const { run } = pair({ 'partition.field': 'p!' }, {});

    expect(run.apply(sourceRecord({ valueSchema: ORDER, value: order(), kafkaPartition: null }))).toBe(NOT_FUSED);
  });

  it('leaves to the stages a struct whose fields have defaults', () => {
    const schema = SchemaBuilder.struct().field('n', SchemaBuilder.int32().defaultValue(5).build()).build();

    expect(pair().run.apply(withValue(schema, new Struct(schema)))).toBe(NOT_FUSED);
  });

  it('leaves to the stages a struct that already has an inserted field', () => {
    const schema = SchemaBuilder.struct().field('pipeline', Schema.STRING_SCHEMA).build();

    expect(pair().run.apply(withValue(schema, new Struct(schema).put('pipeline', 'x')))).toBe(NOT_FUSED);
  });
});

describe('fuseInsertReplace with a schema, property: same result as the stages one after the other', () => {
  const fieldNames = ['a', 'b', 'c', 'd'];
  const schemaAndValues = fc.tuple(fc.shuffledSubarray(fieldNames, { minLength: 1 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 })).map(
    ([names, optional, present]) => {
      const builder = SchemaBuilder.struct();
      names.forEach((n, i) => builder.field(n, optional[i] ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA));
      const schema = builder.build();
      return { schema, values: names.map((n, i) => (present[i] ? `v-${n}` : null)) };
    },
  );
  const insertProps = fc.tuple(fc.shuffledSubarray(['d', 'e', 'f', 'g', 'h'], { minLength: 5 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 })).map(
    ([n, on, required]) => Object.fromEntries(
      (['topic.field', 'partition.field', 'offset.field', 'timestamp.field', 'static.field'] as const)
        .flatMap((key, i) => (on[i] ? [[key, `${n[i] as string}${required[i] ? '!' : ''}`]] : []))
        .concat(on[5] ? [['static.value', 's']] : []),
    ),
  );
  const names = fc.constantFrom('a', 'b', 'e', 'g');
  const list = fc.uniqueArray(names, { maxLength: 2 }).map((xs) => xs.join(','));
  const replaceProps = fc.record({ exclude: list, include: list, renames: fc.uniqueArray(fc.tuple(names, fc.constantFrom('x', 'y')), { maxLength: 2, selector: ([f, t]) => `${f}${t}` }).map((xs) => xs.map(([f, t]) => `${f}:${t}`).join(',')) });
  const recordOf = fc.tuple(fc.boolean(), fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }));

  it('returns what the stages return (the same schema object), or NOT_FUSED exactly when they throw', () => {
    let fusedCount = 0;
    fc.assert(
      fc.property(schemaAndValues, insertProps, replaceProps, recordOf, ({ schema, values }, ip, rp, [sink, timestamp, partition]) => {
        const insert = new InsertField(VALUE);
        const replace = new ReplaceField(VALUE);
        try {
          insert.configure(ip);
          replace.configure(rp);
        } catch {
          fc.pre(false);
        }
        const run = fuseInsertReplace(insert, replace);
        if (run === null) return;
        const struct = Struct.withTrustedValues(schema, values.slice());
        const input = sink ? sinkRecord({ valueSchema: schema, value: struct, timestamp, kafkaPartition: partition ?? 0 }) : sourceRecord({ valueSchema: schema, value: struct, timestamp, kafkaPartition: partition });
        const fused = run.apply(input);
        expect(Struct.valuesOf(struct)).toEqual(values);
        let expected: ConnectRecord | null;
        try {
          expected = sequential(insert, replace, input);
        } catch {
          expect(fused).toBe(NOT_FUSED);
          return;
        }
        expect(fused).not.toBe(NOT_FUSED);
        fusedCount++;
        const actual = fused as ConnectRecord;
        expect(actual.valueSchema).toBe(expected?.valueSchema);
        expect(Struct.valuesOf(actual.value as Struct)).toEqual(Struct.valuesOf(expected?.value as Struct));
        expect({ ...actual, value: null }).toEqual({ ...expected, value: null });
      }),
      { numRuns: 2000 },
    );
    expect(fusedCount).toBeGreaterThan(100);
  });
});
