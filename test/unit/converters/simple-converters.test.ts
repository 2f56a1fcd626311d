import { describe, expect, it } from 'vitest';
import { BooleanConverter } from '#lib/converters/boolean-converter';
import { ByteArrayConverter } from '#lib/converters/byte-array-converter';
import { NUMBER_CODECS } from '#lib/converters/number-codecs';
import { NumberConverter } from '#lib/converters/number-converter';
import { StringConverter } from '#lib/converters/string-converter';
import { Schema } from '#lib/data/index';
import { DataError, InvalidConfigError } from '#lib/errors';

const codec = (name: string) => NUMBER_CODECS.find((c) => c.className === name) as (typeof NUMBER_CODECS)[number];

describe('StringConverter', () => {
  it('writes the string form in UTF-8 and reads back an optional string', () => {
    const c = new StringConverter();
    c.configure({}, false);

    expect(Buffer.from(c.fromConnectData('t', undefined, Schema.STRING_SCHEMA, 'héllo') as Uint8Array).toString()).toBe('héllo');
    expect(c.toConnectData('t', undefined, Buffer.from('héllo')).schema).toBe(Schema.OPTIONAL_STRING_SCHEMA);
    expect(c.toConnectData('t', undefined, Buffer.from('héllo')).value).toBe('héllo');
    expect(c.fromConnectData('t', undefined, null, null)).toBeNull();
    expect(c.toConnectData('t', undefined, null).value).toBeNull();
  });

  it('writes numbers as Java prints them', () => {
    const c = new StringConverter();
    c.configure({}, true);

    expect(Buffer.from(c.fromConnectData('t', undefined, Schema.FLOAT64_SCHEMA, 1) as Uint8Array).toString()).toBe('1.0');
    expect(Buffer.from(c.fromConnectData('t', undefined, Schema.INT64_SCHEMA, 12n) as Uint8Array).toString()).toBe('12');
  });

  it('honours converter.encoding', () => {
    const c = new StringConverter();
    c.configure({ 'converter.encoding': 'UTF-16' }, false);

    expect([...(c.fromConnectData('t', undefined, null, 'a') as Uint8Array)]).toEqual([0xfe, 0xff, 0, 0x61]);
    expect(c.toConnectData('t', undefined, Uint8Array.of(0xfe, 0xff, 0, 0x61)).value).toBe('a');
  });

  it('rejects an unknown encoding', () => {
    expect(() => new StringConverter().configure({ 'converter.encoding': 'EBCDIC-42' }, false)).toThrow(InvalidConfigError);
  });
});

describe('ByteArrayConverter', () => {
  it('passes bytes through', () => {
    const c = new ByteArrayConverter();
    const bytes = Uint8Array.of(1, 2);

    expect(c.fromConnectData('t', undefined, Schema.BYTES_SCHEMA, bytes)).toBe(bytes);
    expect(c.toConnectData('t', undefined, bytes).schema).toBe(Schema.OPTIONAL_BYTES_SCHEMA);
  });

  it('rejects other schemas and values', () => {
    const c = new ByteArrayConverter();

    expect(() => c.fromConnectData('t', undefined, Schema.STRING_SCHEMA, 'x')).toThrow('Invalid schema type for ByteArrayConverter: STRING');
    expect(() => c.fromConnectData('t', undefined, null, 'x')).toThrow('ByteArrayConverter is not compatible with objects of type class java.lang.String');
  });
});

describe('NumberConverter family', () => {
  it.each([
    ['ShortConverter', 12345, [0x30, 0x39]],
    ['IntegerConverter', -2, [0xff, 0xff, 0xff, 0xfe]],
    ['LongConverter', 2n ** 62n, [0x40, 0, 0, 0, 0, 0, 0, 0]],
    ['FloatConverter', 1.5, [0x3f, 0xc0, 0, 0]],
    ['DoubleConverter', 1.5, [0x3f, 0xf8, 0, 0, 0, 0, 0, 0]],
  ])('%s writes %s big-endian and reads it back', (name, value, bytes) => {
    const c = new NumberConverter(codec(name));
    c.configure({}, false);
    const written = c.fromConnectData('t', undefined, null, value) as Uint8Array;

    expect([...written]).toEqual(bytes);
    expect(c.toConnectData('t', undefined, written).value).toBe(value);
    expect(c.toConnectData('t', undefined, written).schema).toBe(codec(name).schema);
  });

  it('reports wrong sizes and types with Kafka messages', () => {
    const c = new NumberConverter(codec('IntegerConverter'));

    expect(() => c.toConnectData('t', undefined, Uint8Array.of(1))).toThrow('Failed to deserialize integer: ');
    expect(() => c.fromConnectData('t', undefined, null, 'x')).toThrow('Failed to serialize to integer (was class java.lang.String): ');
  });
});

describe('BooleanConverter', () => {
  it('writes one byte and rejects anything but 0 or 1', () => {
    const c = new BooleanConverter();
    c.configure({}, false);

    expect([...(c.fromConnectData('t', undefined, Schema.BOOLEAN_SCHEMA, true) as Uint8Array)]).toEqual([1]);
    expect(c.toConnectData('t', undefined, Uint8Array.of(0)).value).toBe(false);
    expect(() => c.toConnectData('t', undefined, Uint8Array.of(2))).toThrow(DataError);
  });
});
