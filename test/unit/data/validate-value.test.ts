import { describe, expect, it } from 'vitest';
import { BigDecimal, ConnectDecimal, ConnectTimestamp, Schema, SchemaBuilder, validateValue } from '#lib/data/index';
import { DataError } from '#lib/errors';

function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('validateValue', () => {
  it('accepts the JS representation of each type', () => {
    const cases: [Schema, unknown][] = [
      [Schema.INT8_SCHEMA, -128], [Schema.INT16_SCHEMA, 32767], [Schema.INT32_SCHEMA, -(2 ** 31)],
      [Schema.INT64_SCHEMA, 2n ** 63n - 1n], [Schema.INT64_SCHEMA, 42], [Schema.FLOAT32_SCHEMA, 1.5],
      [Schema.FLOAT64_SCHEMA, NaN], [Schema.BOOLEAN_SCHEMA, false], [Schema.STRING_SCHEMA, ''],
      [Schema.BYTES_SCHEMA, new Uint8Array(1)], [Schema.BYTES_SCHEMA, Buffer.from('x')],
      [SchemaBuilder.array(Schema.INT8_SCHEMA).build(), [1, 2]],
      [SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA).build(), new Map([['a', 1]])],
      [ConnectDecimal.schema(2), new BigDecimal(156n, 2)], [ConnectTimestamp.SCHEMA, new Date(0)],
    ];
    for (const [schema, value] of cases) expect(() => validateValue(schema, value)).not.toThrow();
  });

  it('rejects out-of-range integers and wrong classes with Kafka messages', () => {
    expect(messageOf(() => validateValue(Schema.INT8_SCHEMA, 300))).toBe(
      'Invalid Java object for schema with type INT8: class java.lang.Integer for value');
    expect(messageOf(() => validateValue(Schema.INT64_SCHEMA, 2n ** 63n))).toBe(
      'Invalid Java object for schema with type INT64: class java.math.BigInteger for value');
    expect(messageOf(() => validateValue(ConnectTimestamp.SCHEMA, 1000n, 'field'))).toBe(
      'Invalid Java object for schema "org.apache.kafka.connect.data.Timestamp" with type INT64: class java.lang.Long for field: "field"');
  });

  it('names the element, key or value of a collection that failed', () => {
    const strings = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
    const map = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build();

    expect(messageOf(() => validateValue(strings, ['a', null], 'field'))).toBe(
      'Invalid value: null used for required element of array field: "field", schema type: STRING');
    expect(messageOf(() => validateValue(map, new Map([[true, 'v']]), 'field'))).toBe(
      'Invalid Java object for schema with type STRING: class java.lang.Boolean for key of map field: "field"');
    expect(messageOf(() => validateValue(map, new Map([['k', null]]), 'field'))).toBe(
      'Invalid value: null used for required value of map field: "field", schema type: STRING');
    expect(messageOf(() => validateValue(SchemaBuilder.arrayOfUnknown().build(), [], 'field'))).toBe(
      'No schema defined for element of array field: "field"');
  });

  it('names a nested collection member from the inside out', () => {
    const maps = SchemaBuilder.array(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build()).build();

    expect(messageOf(() => validateValue(maps, [new Map([['k', null]])]))).toBe(
      'Invalid value: null used for required value of map element of array value, schema type: INT32');
    expect(messageOf(() => validateValue(maps, [new Map([[1, 1]])], 'field'))).toBe(
      'Invalid Java object for schema with type STRING: class java.lang.Integer for key of map element of array field: "field"');
  });

  it('rejects null for required schemas only', () => {
    expect(messageOf(() => validateValue(Schema.STRING_SCHEMA, null))).toBe(
      'Invalid value: null used for required value, schema type: STRING');
    expect(() => validateValue(Schema.OPTIONAL_STRING_SCHEMA, null)).not.toThrow();
  });
});

describe('ConnectSchema.validateValue', () => {
  it('validates like the free function, statically and on an instance', async () => {
    const { ConnectSchema } = await import('#lib/data/index');

    expect(() => ConnectSchema.validateValue(Schema.INT8_SCHEMA, 'x', 'f')).toThrow(
      'Invalid Java object for schema with type INT8: class java.lang.String for field: "f"');
    expect(() => (Schema.INT8_SCHEMA as InstanceType<typeof ConnectSchema>).validateValue(1)).not.toThrow();
  });
});
