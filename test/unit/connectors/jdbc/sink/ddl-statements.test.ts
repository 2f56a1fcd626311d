import { describe, expect, it } from 'vitest';
import { alterTableSql, createTableSql, type DdlSettings } from '#lib/connectors/jdbc/sink/ddl-statements';
import type { SinkRecordField } from '#lib/connectors/jdbc/sink/sink-record-field';
import { TableId } from '#lib/connectors/jdbc/tables/table-id';
import { UTC_ZONE, parseJavaZoneId } from '#lib/connectors/jdbc/temporal/java-zone';
import { BigDecimal } from '#lib/data/big-decimal';
import { ConnectDecimal } from '#lib/data/connect-decimal';
import { ConnectDate, ConnectTime, ConnectTimestamp } from '#lib/data/connect-temporal';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import type { Schema as SchemaType } from '#lib/data/schema';

const settings: DdlSettings = { quote: 'always', zone: UTC_ZONE, dateZone: UTC_ZONE, timestampFields: new Set(['epoch']) };
const table = new TableId(null, 'public', 'items');
const field = (name: string, schema: SchemaType, primaryKey = false): SinkRecordField => ({ name, schema, primaryKey });

describe('DDL statements', () => {
  it("creates a table in Confluent's layout, key columns NOT NULL and in the PRIMARY KEY", () => {
    expect(createTableSql(table, [field('id', Schema.INT64_SCHEMA, true), field('name', Schema.OPTIONAL_STRING_SCHEMA), field('qty', Schema.INT16_SCHEMA)], settings)).toBe(
      'CREATE TABLE "public"."items" (\n"id" BIGINT NOT NULL,\n"name" TEXT NULL,\n"qty" SMALLINT NOT NULL,\nPRIMARY KEY("id"))',
    );
  });

  it('maps every Connect type to the PostgreSQL dialect type', () => {
    const fields = [
      field('a', Schema.INT8_SCHEMA), field('b', Schema.INT32_SCHEMA), field('c', Schema.FLOAT32_SCHEMA), field('d', Schema.FLOAT64_SCHEMA), field('e', Schema.BOOLEAN_SCHEMA),
      field('f', Schema.BYTES_SCHEMA), field('g', ConnectDecimal.schema(3)), field('h', ConnectDate.SCHEMA), field('i', ConnectTime.SCHEMA), field('j', ConnectTimestamp.SCHEMA),
      field('k', SchemaBuilder.array(Schema.INT32_SCHEMA).build()), field('epoch', Schema.INT64_SCHEMA),
    ];
    expect(createTableSql(table, fields, settings).split('\n').slice(1).map((l) => l.replace(/ NOT NULL,?|\)$/g, ''))).toEqual([
      '"a" SMALLINT', '"b" INT', '"c" REAL', '"d" DOUBLE PRECISION', '"e" BOOLEAN', '"f" BYTEA', '"g" DECIMAL', '"h" DATE', '"i" TIME', '"j" TIMESTAMP', '"k" INT[]', '"epoch" TIMESTAMP',
    ]);
  });

  it('writes schema defaults as literals (strings escaped, temporal values in db.timezone)', () => {
    const ny = parseJavaZoneId('America/New_York') ?? UTC_ZONE;
    const fields = [
      field('s', SchemaBuilder.string().defaultValue("it's").build()), field('b', SchemaBuilder.bool().defaultValue(true).build()),
      field('n', SchemaBuilder.int64().defaultValue(5n).build()), field('m', ConnectDecimal.builder(2).defaultValue(new BigDecimal(150n, 2)).build()),
      field('t', ConnectTimestamp.builder().defaultValue(new Date(Date.UTC(2024, 0, 1, 12))).build()), field('r', SchemaBuilder.bytes().defaultValue(new Uint8Array([1, 171])).build()),
    ];
    expect(alterTableSql(table, fields, { ...settings, zone: ny }).split('\n')).toEqual([
      'ALTER TABLE "public"."items" ',
      'ADD "s" TEXT DEFAULT \'it\'\'s\',',
      'ADD "b" BOOLEAN DEFAULT TRUE,',
      'ADD "n" BIGINT DEFAULT 5,',
      'ADD "m" DECIMAL DEFAULT 1.50,',
      'ADD "t" TIMESTAMP DEFAULT \'2024-01-01 07:00:00.000\',',
      'ADD "r" BYTEA DEFAULT \'\\x01ab\'',
    ]);
  });

  it('adds one column on one line and leaves identifiers unquoted with never', () => {
    expect(alterTableSql(table, [field('note', Schema.OPTIONAL_STRING_SCHEMA)], { ...settings, quote: 'never' })).toBe('ALTER TABLE public.items ADD note TEXT NULL');
  });

  it("fails for types without a column type, with Confluent's message", () => {
    expect(() => createTableSql(table, [field('m', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build())], settings)).toThrow("null (MAP) type doesn't have a mapping to the SQL database column type");
  });
});
