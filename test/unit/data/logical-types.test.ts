import { describe, expect, it } from 'vitest';
import { BigDecimal, ConnectDate, ConnectDecimal, ConnectTime, ConnectTimestamp, Schema } from '#lib/data/index';

describe('logical types', () => {
  it('builds Kafka-named, versioned schemas', () => {
    const decimal = ConnectDecimal.schema(2);

    expect([decimal.type, decimal.name, decimal.version, decimal.parameters?.get('scale')])
      .toEqual(['BYTES', 'org.apache.kafka.connect.data.Decimal', 1, '2']);
    expect([ConnectDate.SCHEMA.type, ConnectTime.SCHEMA.type, ConnectTimestamp.SCHEMA.type]).toEqual(['INT32', 'INT32', 'INT64']);
  });

  it('converts decimals to and from unscaled bytes, checking the scale', () => {
    const schema = ConnectDecimal.schema(2);

    expect([...ConnectDecimal.fromLogical(schema, new BigDecimal(156n, 2))]).toEqual([0, 156]);
    expect(ConnectDecimal.toLogical(schema, Uint8Array.of(0, 156)).equals(new BigDecimal(156n, 2))).toBe(true);
    expect(() => ConnectDecimal.fromLogical(schema, new BigDecimal(156n, 3))).toThrow(
      'Decimal value has mismatching scale for given Decimal schema. Schema has scale 2, value has scale 3.');
  });

  it('converts dates to days and rejects dates with a time part', () => {
    expect(ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date(Date.UTC(1997, 4, 19)))).toBe(10000);
    expect(ConnectDate.toLogical(ConnectDate.SCHEMA, -1).toISOString()).toBe('1969-12-31T00:00:00.000Z');
    expect(() => ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date(1))).toThrow(
      'Kafka Connect Date type should not have any time fields set to non-zero values.');
    expect(() => ConnectDate.fromLogical(Schema.INT32_SCHEMA, new Date(0))).toThrow(
      'Requested conversion of Date object but the schema does not match.');
  });

  it('converts times to milliseconds within one day', () => {
    expect(ConnectTime.fromLogical(ConnectTime.SCHEMA, new Date(14400000))).toBe(14400000);
    expect(() => ConnectTime.fromLogical(ConnectTime.SCHEMA, new Date(86400001))).toThrow(
      'Kafka Connect Time type should not have any date fields set to non-zero values.');
    expect(() => ConnectTime.toLogical(ConnectTime.SCHEMA, -1)).toThrow(
      'Time values must use number of milliseconds greater than 0 and less than 86400000');
  });

  it('converts timestamps to bigint milliseconds', () => {
    expect(ConnectTimestamp.fromLogical(ConnectTimestamp.SCHEMA, new Date(4000000000))).toBe(4000000000n);
    expect(ConnectTimestamp.toLogical(ConnectTimestamp.SCHEMA, 42n).getTime()).toBe(42);
  });
});
