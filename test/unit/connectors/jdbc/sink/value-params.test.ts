import { describe, expect, it } from 'vitest';
import { paramBinder, type BindSettings } from '#lib/connectors/jdbc/sink/value-params';
import { UTC_ZONE, parseJavaZoneId } from '#lib/connectors/jdbc/temporal/java-zone';
import { BigDecimal } from '#lib/data/big-decimal';
import { ConnectDecimal } from '#lib/data/connect-decimal';
import { ConnectDate, ConnectTime, ConnectTimestamp } from '#lib/data/connect-temporal';
import type { Schema as SchemaType } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';

const UTC: BindSettings = { zone: UTC_ZONE, dateZone: UTC_ZONE, calendar: 'LEGACY', timestampFields: new Set(['epoch']), timestampPrecision: 'microseconds' };
const param = (schema: SchemaType, value: unknown, settings: Partial<BindSettings> = {}, name = 'f'): string | null => paramBinder(schema, name, { ...UTC, ...settings })(value);
const NEW_YORK = parseJavaZoneId('America/New_York') ?? UTC_ZONE;

describe('statement parameters', () => {
  it('writes numbers exactly: 64-bit integers, float32 values as their double, decimals', () => {
    expect([
      param(Schema.INT8_SCHEMA, -5), param(Schema.INT64_SCHEMA, 9223372036854775807n), param(Schema.FLOAT32_SCHEMA, Math.fround(0.1)), param(Schema.FLOAT64_SCHEMA, 1e21),
      param(Schema.FLOAT64_SCHEMA, Number.NaN), param(ConnectDecimal.schema(2), new BigDecimal(-12345678901234567890n, 2)),
    ]).toEqual(['-5', '9223372036854775807', '0.10000000149011612', '1e+21', 'NaN', '-123456789012345678.90']);
  });

  it('writes booleans, strings, bytes in hex and null', () => {
    expect([param(Schema.BOOLEAN_SCHEMA, false), param(Schema.STRING_SCHEMA, 'x'), param(Schema.BYTES_SCHEMA, new Uint8Array([0, 15, 255])), param(Schema.OPTIONAL_STRING_SCHEMA, null)]).toEqual(['false', 'x', '\\x000fff', null]);
  });

  it('writes timestamps as wall clocks with offsets in db.timezone', () => {
    const at = new Date(Date.UTC(2024, 6, 1, 12, 0, 0, 5));
    expect([param(ConnectTimestamp.SCHEMA, at), param(ConnectTimestamp.SCHEMA, at, { zone: NEW_YORK })]).toEqual(['2024-07-01 12:00:00.005000+00:00', '2024-07-01 08:00:00.005000-04:00']);
  });

  it('writes dates in date.timezone and times in db.timezone', () => {
    const midnight = new Date(Date.UTC(2024, 6, 1));
    expect([param(ConnectDate.SCHEMA, midnight), param(ConnectDate.SCHEMA, midnight, { dateZone: NEW_YORK }), param(ConnectTime.SCHEMA, new Date(Date.UTC(1970, 0, 1, 1, 2, 3, 4)), { zone: NEW_YORK })]).toEqual([
      '2024-07-01', '2024-06-30', '20:02:03.004-05:00',
    ]);
  });

  it('writes dates before 1582 in the legacy calendar by default and proleptically with PROLEPTIC_GREGORIAN', () => {
    const day = new Date(Date.UTC(1000, 0, 1));
    expect([param(ConnectDate.SCHEMA, day), param(ConnectDate.SCHEMA, day, { calendar: 'PROLEPTIC_GREGORIAN' }), param(ConnectDate.SCHEMA, new Date(Date.UTC(-100, 0, 1)), { calendar: 'PROLEPTIC_GREGORIAN' })]).toEqual([
      '0999-12-27', '1000-01-01', '0101-01-01 BC',
    ]);
  });

  it('turns epoch micros and nanos of timestamp.fields.list into timestamps, nanos rounded to micros', () => {
    expect([
      param(Schema.INT64_SCHEMA, 1_000_001n, {}, 'epoch'), param(Schema.STRING_SCHEMA, '1000001', {}, 'epoch'), param(Schema.INT64_SCHEMA, 1_000_001_500n, { timestampPrecision: 'nanoseconds' }, 'epoch'),
      param(Schema.INT64_SCHEMA, 7n, {}, 'other'),
    ]).toEqual(['1970-01-01 00:00:01.000001+00:00', '1970-01-01 00:00:01.000001+00:00', '1970-01-01 00:00:01.000002+00:00', '7']);
    expect(() => param(Schema.STRING_SCHEMA, 'soon', {}, 'epoch')).toThrow('For input string: "soon"');
  });

  it('writes arrays of primitives as quoted array literals', () => {
    expect([param(SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build(), ['a"b', null, 'c\\d']), param(SchemaBuilder.array(Schema.BOOLEAN_SCHEMA).build(), [true, false])]).toEqual(['{"a\\"b",NULL,"c\\\\d"}', '{"true","false"}']);
  });

  it("rejects maps, structs and arrays of them with Confluent's message", () => {
    expect(() => param(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build(), new Map())).toThrow('Unsupported source data type: MAP');
    expect(() => param(SchemaBuilder.array(SchemaBuilder.struct().build()).build(), [])).toThrow('Unsupported source data type: ARRAY');
  });
});
