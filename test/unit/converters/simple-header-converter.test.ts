import { describe, expect, it } from 'vitest';
import { SimpleHeaderConverter } from '#lib/converters/simple-header-converter';
import { ConnectTimestamp, Schema, SchemaBuilder, Values, valuesEqual, type SchemaAndValue } from '#lib/data/index';

const converter = new SimpleHeaderConverter();

function roundTrip(schema: Schema | null, value: unknown): SchemaAndValue {
  return converter.toConnectHeader('topic', 'header', converter.fromConnectHeader('topic', 'header', schema, value));
}

function parse(text: string): SchemaAndValue | null {
  return Values.parseString(text);
}

describe('SimpleHeaderConverter', () => {
  it('writes null as null bytes and reads null bytes as a null schema and value', () => {
    expect(converter.fromConnectHeader('t', 'h', Schema.STRING_SCHEMA, null)).toBeNull();
    expect(converter.toConnectHeader('t', 'h', null).schema).toBeNull();
  });

  it.each([
    [Schema.STRING_SCHEMA, 'simple'],
    [Schema.STRING_SCHEMA, ''],
    [Schema.STRING_SCHEMA, 'three"blind\\"mice'],
    [Schema.STRING_SCHEMA, "string with delimiters: <>?,./\\=+-!@#$%^&*(){}[]|;':"],
    [SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build(), new Map([['foo', '123'], ['bar', 'baz']])],
    [SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT16_SCHEMA).build(), new Map([['foo', 12345], ['bar', 0], ['baz', -4321]])],
    [SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), new Map([['foo', 1234567890], ['bar', 0], ['baz', -987654321]])],
    [SchemaBuilder.array(Schema.STRING_SCHEMA).build(), ['foo', 'bar']],
    [SchemaBuilder.array(Schema.INT32_SCHEMA).build(), [1234567890, -987654321]],
    [Schema.BOOLEAN_SCHEMA, true],
    [Schema.INT8_SCHEMA, -5],
    [Schema.INT64_SCHEMA, 9007199254740993n],
    [Schema.FLOAT32_SCHEMA, Math.fround(1.5)],
  ])('round-trips %s %s to the same schema and value', (schema, value) => {
    const result = roundTrip(schema, value);

    expect(result.schema?.equals(schema)).toBe(true);
    expect(valuesEqual(result.value, value)).toBe(true);
  });

  it('writes values the way Kafka does', () => {
    const text = (schema: Schema | null, value: unknown): string => Buffer.from(converter.fromConnectHeader('t', 'h', schema, value) as Uint8Array).toString();

    expect(text(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build(), new Map([['a', 'x"y']]))).toBe('{"a":"x\\"y"}');
    expect(text(Schema.FLOAT64_SCHEMA, 1)).toBe('1.0');
    expect(text(ConnectTimestamp.SCHEMA, new Date(Date.UTC(2019, 0, 2, 3, 4, 5, 6)))).toBe('2019-01-02T03:04:05.006Z');
    expect(text(Schema.BYTES_SCHEMA, Uint8Array.of(1, 2, 3))).toBe('AQID');
  });

  it('parses maps and lists with whitespace', () => {
    const result = parse(' { "foo" :  12345 , "bar" : 0,  "baz" : -4321 }  ');

    expect(result?.schema?.equals(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT16_SCHEMA).build())).toBe(true);
  });

  it('infers the smallest integer type, then floats, then decimals', () => {
    expect(parse('127')?.schema).toBe(Schema.INT8_SCHEMA);
    expect(parse('128')?.schema).toBe(Schema.INT16_SCHEMA);
    expect(parse('2147483648')?.schema).toBe(Schema.INT64_SCHEMA);
    expect(parse('1.5')?.schema).toBe(Schema.FLOAT32_SCHEMA);
    expect(parse('1.0')?.value).toBe(1);
    expect(parse('1e400')?.schema?.name).toBe('org.apache.kafka.connect.data.Decimal');
    expect(parse('12345678901234567890')?.schema?.name).toBe('org.apache.kafka.connect.data.Decimal');
  });

  it('widens mixed numbers in an array to the largest type', () => {
    const result = parse('[1, 2, 3.5]');

    expect(result?.schema?.valueSchema).toBe(Schema.FLOAT32_SCHEMA);
    expect(result?.value).toEqual([1, 2, 3.5]);
  });

  it('leaves mixed-type arrays and maps without an element schema', () => {
    const list = parse('[1, "2", true]');
    const map = parse('{1:1, 2:1, 300:300, "four":1}');

    expect(list?.schema?.valueSchema).toBeUndefined();
    expect(map?.schema?.keySchema).toBeUndefined();
  });

  it.each(['{foo: 3}', '{3: foo}', '[foo]', 'null=', 'true}', 'false]', '{6:9 4:20}', '[0 1 2]', '{null: 3}', '[1, 2, null]', '[1, 2, 3,,,]'])(
    'reads %s as the plain string', (text) => {
      expect(parse(text)?.schema).toBe(Schema.STRING_SCHEMA);
      expect(parse(text)?.value).toBe(text);
    });

  it('parses literals surrounded by whitespace', () => {
    expect(parse(' true ')?.value).toBe(true);
    expect(parse(' null ')).toBeNull();
    expect(parse('[true, false]')?.value).toEqual([true, false]);
  });

  it('parses ISO-8601 dates, times and timestamps, also inside arrays and with escaped colons', () => {
    expect(parse('2019-08-23')?.schema?.name).toBe('org.apache.kafka.connect.data.Date');
    expect((parse('2019-08-23T14:34:54.346Z')?.value as Date).toISOString()).toBe('2019-08-23T14:34:54.346Z');
    expect((parse('2019-08-23T14\\:34\\:54.346Z')?.value as Date).toISOString()).toBe('2019-08-23T14:34:54.346Z');
    expect(parse('14:34:54.346Z')?.schema?.name).toBe('org.apache.kafka.connect.data.Time');
    expect(parse('[2019-08-23T14:34:54.346Z]')?.schema?.valueSchema?.name).toBe('org.apache.kafka.connect.data.Timestamp');
  });

  it('parses empty collections and null elements', () => {
    expect(parse('[]')?.value).toEqual([]);
    expect(parse('{}')?.value).toEqual(new Map());
    expect(parse('[null]')?.value).toEqual([null]);
    expect(parse('{3: null}')?.value).toEqual(new Map([[3, null]]));
  });
});
