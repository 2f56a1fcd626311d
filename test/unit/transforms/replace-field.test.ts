import { describe, expect, it } from 'vitest';
import { Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { ConfigException } from '#lib/plugin/config-exception';
import { ReplaceField, replaceFieldConfigDef } from '#lib/transforms/replace-field';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, withKey, withValue } from './records';

const SCHEMA = SchemaBuilder.struct()
  .field('dont', Schema.STRING_SCHEMA)
  .field('abc', Schema.INT32_SCHEMA)
  .field('foo', Schema.BOOLEAN_SCHEMA)
  .field('etc', Schema.STRING_SCHEMA)
  .build();

function struct(): Struct {
  return new Struct(SCHEMA).put('dont', 'whatever').put('abc', 42).put('foo', true).put('etc', 'etc');
}

const SCHEMALESS = mapOf({ dont: 'whatever', abc: 42, foo: true, etc: 'etc' });

describe('ReplaceField', () => {
  it('rejects a null copied into a required field, as Struct.put does', () => {
    const xform = configured(new ReplaceField(VALUE), { exclude: 'dont' });

    expect(() => xform.apply(withValue(SCHEMA, new Struct(SCHEMA).put('dont', 'x')))).toThrow('Invalid value: null used for required field: "abc", schema type: INT32');
  });

  it('passes a schemaless tombstone through', () => {
    const out = applied(configured(new ReplaceField(VALUE), { include: 'abc,foo', renames: 'abc:xyz,foo:bar' }), withValue(null, null));

    expect([out.valueSchema, out.value]).toEqual([null, null]);
  });

  it('passes a tombstone with a schema through, schema unchanged', () => {
    const out = applied(configured(new ReplaceField(VALUE), { include: 'abc,foo', renames: 'abc:xyz,foo:bar' }), withValue(SCHEMA, null));

    expect(out.valueSchema).toBe(SCHEMA);
  });

  it('excludes and renames fields of a schemaless map', () => {
    const out = applied(configured(new ReplaceField(VALUE), { exclude: 'dont', renames: 'abc:xyz,foo:bar' }), withValue(null, SCHEMALESS));

    expect(out.value).toEqual(mapOf({ xyz: 42, bar: true, etc: 'etc' }));
  });

  it('includes and renames fields of a Struct (the doc example foo:bar,abc:xyz)', () => {
    const out = applied(configured(new ReplaceField(VALUE), { include: 'abc,foo', renames: 'foo:bar,abc:xyz' }), withValue(SCHEMA, struct()));

    const value = out.value as Struct;
    expect(value.schema.fields.map((f) => f.name)).toEqual(['xyz', 'bar']);
    expect([value.getInt32('xyz'), value.getBoolean('bar')]).toEqual([42, true]);
  });

  it('copies a schemaless map in its key order and leaves the input map as it was', () => {
    const input = mapOf({ dont: 'whatever', abc: 42, foo: true, etc: 'etc' });
    const out = applied(configured(new ReplaceField(VALUE), { exclude: 'dont', renames: 'etc:first,foo:bar' }), withValue(null, input));

    expect([...(out.value as Map<string, unknown>)]).toEqual([['abc', 42], ['bar', true], ['first', 'etc']]);
    expect([...input]).toEqual([['dont', 'whatever'], ['abc', 42], ['foo', true], ['etc', 'etc']]);
  });

  it('drops a schemaless field that is excluded or not included even when renames names it', () => {
    const xform = configured(new ReplaceField(VALUE), { include: 'abc,foo,etc', exclude: 'foo', renames: 'foo:bar,dont:d,abc:xyz' });

    const out = applied(xform, withValue(null, SCHEMALESS));

    expect([...(out.value as Map<string, unknown>)]).toEqual([['xyz', 42], ['etc', 'etc']]);
  });

  it('lets a later schemaless field overwrite one renamed onto its name, in the first one\'s place (HashMap.put)', () => {
    const out = applied(configured(new ReplaceField(VALUE), { renames: 'abc:etc' }), withValue(null, SCHEMALESS));

    expect([...(out.value as Map<string, unknown>)]).toEqual([['dont', 'whatever'], ['etc', 'etc'], ['foo', true]]);
  });

  it('lets exclude take precedence over include', () => {
    const out = applied(configured(new ReplaceField(VALUE), { include: 'abc,foo', exclude: 'foo' }), withValue(SCHEMA, struct()));

    expect((out.value as Struct).schema.fields.map((f) => f.name)).toEqual(['abc']);
  });

  it('accepts the deprecated whitelist as include', () => {
    const out = applied(configured(new ReplaceField(VALUE), { whitelist: 'abc,foo' }), withValue(null, SCHEMALESS));

    expect(out.value).toEqual(mapOf({ abc: 42, foo: true }));
  });

  it('accepts the deprecated blacklist as exclude', () => {
    const out = applied(configured(new ReplaceField(VALUE), { blacklist: 'dont', renames: 'abc:xyz,foo:bar' }), withValue(null, SCHEMALESS));

    expect(out.value).toEqual(mapOf({ xyz: 42, bar: true, etc: 'etc' }));
  });

  it('prefers include over the deprecated whitelist when both are set', () => {
    const out = applied(configured(new ReplaceField(VALUE), { include: 'abc', whitelist: 'foo' }), withValue(null, SCHEMALESS));

    expect(out.value).toEqual(mapOf({ abc: 42 }));
  });

  it.each([
    ['true', 42],
    ['false', null],
  ])('with replace.null.with.default=%s copies an unset defaulted key field as %s', (replace, expected) => {
    const schema = SchemaBuilder.struct().field('abc', SchemaBuilder.int32().optional().defaultValue(42).build()).build();
    const xform = configured(new ReplaceField(KEY), { include: 'abc', renames: 'abc:optional_with_default', 'replace.null.with.default': replace });

    const out = applied(xform, withKey(schema, new Struct(schema).put('abc', null)));

    expect((out.key as Struct).getWithoutDefault('optional_with_default')).toBe(expected);
  });

  it('rejects a rename mapping that is not one colon-separated pair, naming the renames key', () => {
    expect(() => configured(new ReplaceField(VALUE), { renames: 'abc:xyz,foo' })).toThrow(
      new ConfigException('Invalid value [abc:xyz, foo] for configuration renames: Invalid rename mapping: foo'),
    );
  });

  it('reports the rename validator in the config definition', () => {
    expect(String(replaceFieldConfigDef().configKeys().get('renames')?.validator)).toBe('list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>');
  });

  it('reuses the updated schema per input schema', () => {
    const xform = configured(new ReplaceField(VALUE), { exclude: 'dont' });

    expect(applied(xform, withValue(SCHEMA, struct())).valueSchema).toBe(applied(xform, withValue(SCHEMA, struct())).valueSchema);
  });
});
