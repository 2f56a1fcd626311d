import { describe, expect, it } from 'vitest';
import { BigDecimal, ConnectDate, ConnectTime, ConnectTimestamp, Schema, SchemaAndValue } from '#lib/data/index';
import { Values } from '#lib/data/values';

const { parseString } = Values;

function parsed(text: string): SchemaAndValue {
  const result = parseString(text);
  if (result === null) throw new Error(`${text} parsed as null`);
  return result;
}

describe('Values.parseString', () => {
  it('gives the null SchemaAndValue for a null string and null for the literal null', () => {
    expect([parseString(null), parseString('null'), parseString('  null  ')]).toEqual([SchemaAndValue.NULL, null, null]);
  });

  it('keeps the empty string a STRING', () => {
    expect(parsed('')).toEqual(new SchemaAndValue(Schema.STRING_SCHEMA, ''));
  });

  it.each([
    ['42', Schema.INT8_SCHEMA, 42],
    ['300', Schema.INT16_SCHEMA, 300],
    ['70000', Schema.INT32_SCHEMA, 70000],
    ['5000000000', Schema.INT64_SCHEMA, 5000000000n],
    ['-1', Schema.INT8_SCHEMA, -1],
    ['1.0', Schema.INT8_SCHEMA, 1],
    ['1.5', Schema.FLOAT32_SCHEMA, 1.5],
    ['1e400', null, null],
    ['true', Schema.BOOLEAN_SCHEMA, true],
    [' false ', Schema.BOOLEAN_SCHEMA, false],
  ])('parses %j to the smallest fitting type', (text, schema, value) => {
    const result = parsed(text);
    if (schema === null) expect(result.schema?.name).toBe('org.apache.kafka.connect.data.Decimal');
    else expect([result.schema, result.value]).toEqual([schema, value]);
  });

  it('reads a number too large for a long as a Decimal', () => {
    expect(parsed('12345678901234567890').value).toEqual(new BigDecimal(12345678901234567890n, 0));
  });

  it.each(['simple', 'simple string', "'simple' string", 'true}', 'false]', 'null=', '{foo: 3}', '{3: foo}', '[foo]', '{6:9 4:20}', '[0 1 2]', '{null: 3}', '[1, 2, 3,,,]', '[1, null]', '[null, 1]', 'a,b'])(
    'keeps %j as the original string',
    (text) => {
      expect(parsed(text)).toEqual(new SchemaAndValue(Schema.STRING_SCHEMA, text));
    },
  );

  it.each([
    ['2019-08-23T14:34:54.346Z', ConnectTimestamp.SCHEMA, Date.UTC(2019, 7, 23, 14, 34, 54, 346)],
    ['2019-08-23T14\\:34\\:54.346Z', ConnectTimestamp.SCHEMA, Date.UTC(2019, 7, 23, 14, 34, 54, 346)],
    ['2019-08-23', ConnectDate.SCHEMA, Date.UTC(2019, 7, 23)],
    ['14:34:54.346Z', ConnectTime.SCHEMA, Date.UTC(1970, 0, 1, 14, 34, 54, 346)],
  ])('reads the temporal literal %s', (text, schema, millis) => {
    const result = parsed(text);

    expect(result.schema).toBe(schema);
    expect((result.value as Date).getTime()).toBe(millis);
  });

  it('parses arrays of one type', () => {
    const result = parsed('[true, false]');

    expect([result.schema?.type, result.schema?.valueSchema?.type, result.value]).toEqual(['ARRAY', 'BOOLEAN', [true, false]]);
  });

  it('widens numeric array elements to their common type', () => {
    const result = parsed('[1, 2, 300]');

    expect([result.schema?.valueSchema?.type, result.value]).toEqual(['INT16', [1, 2, 300]]);
  });

  it('leaves the element schema unknown for mixed arrays', () => {
    const result = parsed('[300, "four", 1, 2]');

    expect([result.schema?.valueSchema, result.value]).toEqual([undefined, [300, 'four', 1, 2]]);
  });

  it('parses empty and nested containers', () => {
    expect([parsed('[]').value, parsed('{}').value, parsed('[[]]').schema?.valueSchema?.type, parsed('[null]').value]).toEqual([[], new Map(), 'ARRAY', [null]]);
  });

  it('parses maps, with quoted strings and temporal values', () => {
    const result = parsed('{"k1":14:34:54.346Z}');

    expect([result.schema?.keySchema?.type, result.schema?.valueSchema?.name]).toEqual(['STRING', 'org.apache.kafka.connect.data.Time']);
    expect((result.value as Map<string, Date>).get('k1')?.getTime()).toBe(Date.UTC(1970, 0, 1, 14, 34, 54, 346));
  });

  it('parses a map with null values, keeping the key schema', () => {
    const result = parsed('{3: null}');

    expect([result.schema?.keySchema?.type, result.schema?.valueSchema, result.value]).toEqual(['INT8', undefined, new Map([[3, null]])]);
  });

  it('parses a map whose keys share no type without aligning anything', () => {
    const result = parsed('{1:1, 300:300, "four":1}');

    expect([result.schema?.keySchema, result.value]).toEqual([undefined, new Map<unknown, unknown>([[1, 1], [300, 300], ['four', 1]])]);
  });
});
