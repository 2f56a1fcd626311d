import { describe, expect, it } from 'vitest';
import { ConnectDate, ConnectTime, ConnectTimestamp, Schema, SchemaBuilder, Struct } from '#lib/data/index';
import { DataError } from '#lib/errors';
import { ConfigException } from '#lib/plugin/config-exception';
import { TimestampConverter } from '#lib/transforms/timestamp-converter/timestamp-converter';
import { KEY, VALUE } from '#lib/transforms/util/record-side';
import { applied, configured, mapOf, sourceRecord } from '../records';

const DAY = 86_400_000;
const DATE = new Date(DAY);
const TIME = new Date(1234);
const DATE_PLUS_TIME = new Date(DAY + 1234);
const DATE_PLUS_TIME_UNIX = 86_401_234n;
const DATE_PLUS_TIME_UNIX_MICROS = DATE_PLUS_TIME_UNIX * 1000n + 123n;
const DATE_PLUS_TIME_UNIX_NANOS = DATE_PLUS_TIME_UNIX_MICROS * 1000n + 456n;
const STRING_DATE_FMT = 'yyyy MM dd HH mm ss SSS z';
const DATE_PLUS_TIME_STRING = '1970 01 02 00 00 01 234 UTC';

function converter(props: Record<string, string>): TimestampConverter {
  return configured(new TimestampConverter(VALUE), props);
}

function schemaless(props: Record<string, string>, value: unknown) {
  return applied(converter(props), sourceRecord({ value }));
}

function withSchema(props: Record<string, string>, valueSchema: Schema, value: unknown) {
  return applied(converter(props), sourceRecord({ valueSchema, value }));
}

describe('TimestampConverter configuration', () => {
  it('requires target.type', () => {
    expect(() => converter({})).toThrow(new ConfigException('Missing required configuration "target.type" which has no default value.'));
  });

  it('rejects an unknown target.type', () => {
    expect(() => converter({ 'target.type': 'invalid' })).toThrow(new ConfigException('Invalid value invalid for configuration target.type: String must be one of: string, unix, Date, Time, Timestamp'));
  });

  it('rejects an unknown unix.precision', () => {
    expect(() => converter({ 'target.type': 'unix', 'unix.precision': 'invalid' })).toThrow(ConfigException);
  });

  it('accepts unix.precision=seconds', () => {
    expect(() => converter({ 'target.type': 'unix', 'unix.precision': 'seconds' })).not.toThrow();
  });

  it('requires a format for string timestamps', () => {
    expect(() => converter({ 'target.type': 'string' })).toThrow(new ConfigException('TimestampConverter requires format option to be specified when using string timestamps'));
  });

  it('rejects a pattern SimpleDateFormat rejects', () => {
    expect(() => converter({ 'target.type': 'string', format: 'bad-format' })).toThrow(
      new ConfigException('TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: bad-format'),
    );
  });
});

describe('TimestampConverter without schemas', () => {
  it.each([
    ['Timestamp', DATE_PLUS_TIME],
    ['Date', DATE],
    ['Time', TIME],
    ['unix', DATE_PLUS_TIME_UNIX],
  ])('converts a Date to %s', (target, expected) => {
    expect(schemaless({ 'target.type': target }, DATE_PLUS_TIME).value).toEqual(expected);
  });

  it('converts a Date to a formatted string', () => {
    expect(schemaless({ 'target.type': 'string', format: STRING_DATE_FMT }, DATE_PLUS_TIME).value).toBe(DATE_PLUS_TIME_STRING);
  });

  it('converts a unix time (Long) to a Timestamp', () => {
    expect(schemaless({ 'target.type': 'Timestamp' }, DATE_PLUS_TIME_UNIX).value).toEqual(DATE_PLUS_TIME);
  });

  it('parses a string with the format', () => {
    expect(schemaless({ 'target.type': 'Timestamp', format: STRING_DATE_FMT }, DATE_PLUS_TIME_STRING).value).toEqual(DATE_PLUS_TIME);
  });

  it.each([
    ['microseconds', 86_401_234_000n],
    ['nanoseconds', 86_401_234_000_000n],
    ['seconds', 86_401n],
  ])('converts a string to unix %s (sub-millisecond digits are lost)', (precision, expected) => {
    expect(schemaless({ 'target.type': 'unix', 'unix.precision': precision, format: STRING_DATE_FMT }, DATE_PLUS_TIME_STRING).value).toBe(expected);
  });

  it.each(['string', 'Date', 'Timestamp', 'unix', 'Time'])('passes a null value through for target %s', (target) => {
    expect(schemaless({ 'target.type': target, format: STRING_DATE_FMT }, null).value).toBeNull();
  });

  it('converts one field of a map', () => {
    expect(schemaless({ 'target.type': 'Date', field: 'ts' }, mapOf({ ts: DATE_PLUS_TIME, other: 'test' })).value).toEqual(mapOf({ ts: DATE, other: 'test' }));
  });

  it('reports a string that does not match the pattern', () => {
    expect(() => schemaless({ 'target.type': 'unix', format: 'yyyy-MM-dd' }, 'not a date')).toThrow(new DataError('Could not parse timestamp: value (not a date) does not match pattern (yyyy-MM-dd)'));
  });

  it('rejects a value of another type', () => {
    expect(() => schemaless({ 'target.type': 'unix' }, true)).toThrow(new DataError('TimestampConverter does not support class java.lang.Boolean objects as timestamps'));
  });
});

describe('TimestampConverter with schemas', () => {
  it.each([
    ['Timestamp', ConnectTimestamp.SCHEMA, DATE_PLUS_TIME],
    ['Date', ConnectDate.SCHEMA, DATE],
    ['Time', ConnectTime.SCHEMA, TIME],
    ['unix', Schema.INT64_SCHEMA, DATE_PLUS_TIME_UNIX],
  ])('converts a Timestamp to %s with its schema', (target, schema, expected) => {
    const out = withSchema({ 'target.type': target }, ConnectTimestamp.SCHEMA, DATE_PLUS_TIME);

    expect(out.valueSchema).toBe(schema);
    expect(out.value).toEqual(expected);
  });

  it('converts a formatted string to a Timestamp', () => {
    expect(withSchema({ 'target.type': 'Timestamp', format: STRING_DATE_FMT }, Schema.STRING_SCHEMA, DATE_PLUS_TIME_STRING).value).toEqual(DATE_PLUS_TIME);
  });

  it('keeps an optional schema optional', () => {
    const out = withSchema({ 'target.type': 'unix' }, ConnectTimestamp.builder().optional().build(), null);

    expect([out.valueSchema, out.value]).toEqual([Schema.OPTIONAL_INT64_SCHEMA, null]);
  });

  it('converts one field of a Struct and caches the updated schema', () => {
    const schema = SchemaBuilder.struct().field('ts', Schema.INT64_SCHEMA).field('other', Schema.STRING_SCHEMA).build();
    const xform = converter({ 'target.type': 'Timestamp', field: 'ts' });

    const out = applied(xform, sourceRecord({ valueSchema: schema, value: new Struct(schema).put('ts', DATE_PLUS_TIME_UNIX).put('other', 'test') }));

    expect(out.valueSchema?.equals(SchemaBuilder.struct().field('ts', ConnectTimestamp.SCHEMA).field('other', Schema.STRING_SCHEMA).build())).toBe(true);
    expect([(out.value as Struct).get('ts'), (out.value as Struct).get('other')]).toEqual([DATE_PLUS_TIME, 'test']);
    expect(applied(xform, sourceRecord({ valueSchema: schema, value: new Struct(schema).put('ts', 0n).put('other', 'x') })).valueSchema).toBe(out.valueSchema);
  });

  it.each([
    ['microseconds', DATE_PLUS_TIME_UNIX_MICROS, DATE_PLUS_TIME],
    ['nanoseconds', DATE_PLUS_TIME_UNIX_NANOS, DATE_PLUS_TIME],
    ['seconds', 86_401n, new Date(DAY + 1000)],
  ])('reads a unix field in %s', (precision, unix, expected) => {
    const schema = SchemaBuilder.struct().field('ts', Schema.INT64_SCHEMA).build();

    const out = withSchema({ 'target.type': 'Timestamp', field: 'ts', 'unix.precision': precision }, schema, new Struct(schema).put('ts', unix));

    expect((out.value as Struct).get('ts')).toEqual(expected);
  });

  it('keeps a null field with a default null when replace.null.with.default=false', () => {
    const schema = SchemaBuilder.struct().field('ts', SchemaBuilder.int64().optional().defaultValue(0n).build()).field('other', Schema.STRING_SCHEMA).build();

    const out = withSchema({ 'target.type': 'Timestamp', field: 'ts', 'replace.null.with.default': 'false' }, schema, new Struct(schema).put('ts', null).put('other', 'test'));

    expect(out.valueSchema?.field('ts')?.schema.equals(ConnectTimestamp.builder().optional().build())).toBe(true);
    expect((out.value as Struct).get('ts')).toBeNull();
  });

  it('rejects a schema that is not a timestamp representation', () => {
    expect(() => withSchema({ 'target.type': 'unix' }, Schema.BOOLEAN_SCHEMA, true)).toThrow(new DataError('Schema Schema{BOOLEAN} does not correspond to a known timestamp type format'));
  });

  it('converts a key', () => {
    const out = applied(configured(new TimestampConverter(KEY), { 'target.type': 'Timestamp' }), sourceRecord({ key: DATE_PLUS_TIME }));

    expect([out.keySchema, out.key]).toEqual([null, DATE_PLUS_TIME]);
  });
});
