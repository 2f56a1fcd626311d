import { beforeAll, describe, expect, it } from 'vitest';
import { BigDecimal } from '#lib/data/big-decimal';
import type { SourceRecord } from '#lib/data/connect-record';
import type { Struct } from '#lib/data/struct';
import { usePostgres } from '#test/support/postgres';
import { startTask } from './jdbc-task-harness';

const db = usePostgres();

const COLUMNS = `
  id int4 PRIMARY KEY,
  c_int2 int2 NOT NULL, c_int4 int4, c_int8 int8, c_float4 float4, c_float8 float8,
  c_numeric numeric(10,2), c_numeric_int numeric(12,0), c_numeric_free numeric, c_bool bool,
  c_text text, c_varchar varchar(20), c_char char(3), c_uuid uuid, c_json json, c_jsonb jsonb,
  c_bytea bytea, c_date date, c_time time, c_timestamp timestamp, c_timestamptz timestamptz, c_interval interval, c_enum mood`;

const ROW = `1, 32767, -2147483648, 9007199254740993, 1.5, 2.25,
  12345678.91, 123456789012, 3.14159, true,
  'text', 'varchar', 'ab', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1}', '{"b": [1, 2]}',
  '\\x00ff10', '2024-02-29', '13:45:12.345678', '2024-02-29 13:45:12.345678', '2024-02-29 13:45:12.345678+02', '1 day', 'happy'`;

async function readAll(extra: Record<string, string> = {}): Promise<SourceRecord[]> {
  const props = { 'connection.url': db.jdbcUrl, mode: 'bulk', 'poll.interval.ms': '10', tables: '"public"."all_types"', 'tables.fetched': 'true', ...extra };
  return startTask(props).pollAll(1);
}

beforeAll(async () => {
  await db.pool.query(`CREATE TYPE mood AS ENUM ('sad', 'happy')`);
  await db.pool.query(`CREATE TABLE all_types (${COLUMNS})`);
  await db.pool.query(`INSERT INTO all_types VALUES (${ROW})`);
  await db.pool.query(`INSERT INTO all_types (id, c_int2) VALUES (2, 0)`);
});

describe('JDBC source type mapping', () => {
  it('builds a struct schema named after the table with Confluent field types, nullable columns optional', async () => {
    const [record] = await readAll();
    const schema = record?.valueSchema;
    expect(schema?.name).toBe('all_types');
    expect(schema?.fields.map((f) => [f.name, f.schema.type, f.schema.name ?? null, f.schema.optional])).toEqual([
      ['id', 'INT32', null, false],
      ['c_int2', 'INT16', null, false],
      ['c_int4', 'INT32', null, true],
      ['c_int8', 'INT64', null, true],
      ['c_float4', 'FLOAT32', null, true],
      ['c_float8', 'FLOAT64', null, true],
      ['c_numeric', 'BYTES', 'org.apache.kafka.connect.data.Decimal', true],
      ['c_numeric_int', 'BYTES', 'org.apache.kafka.connect.data.Decimal', true],
      ['c_numeric_free', 'BYTES', 'org.apache.kafka.connect.data.Decimal', true],
      ['c_bool', 'BOOLEAN', null, true],
      ['c_text', 'STRING', null, true],
      ['c_varchar', 'STRING', null, true],
      ['c_char', 'STRING', null, true],
      ['c_uuid', 'STRING', null, true],
      ['c_json', 'STRING', null, true],
      ['c_jsonb', 'STRING', null, true],
      ['c_bytea', 'BYTES', null, true],
      ['c_date', 'INT32', 'org.apache.kafka.connect.data.Date', true],
      ['c_time', 'INT32', 'org.apache.kafka.connect.data.Time', true],
      ['c_timestamp', 'INT64', 'org.apache.kafka.connect.data.Timestamp', true],
      ['c_timestamptz', 'INT64', 'org.apache.kafka.connect.data.Timestamp', true],
      ['c_enum', 'STRING', null, true],
    ]);
  });

  it('gives Decimal schemas the scale and Confluent precision parameters', async () => {
    const [record] = await readAll();
    const params = (name: string): unknown => Object.fromEntries(record?.valueSchema?.field(name)?.schema.parameters ?? []);
    expect([params('c_numeric'), params('c_numeric_int'), params('c_numeric_free')]).toEqual([
      { scale: '2', 'connect.decimal.precision': '10' },
      { scale: '0', 'connect.decimal.precision': '12' },
      { scale: '127', 'connect.decimal.precision': '0' },
    ]);
  });

  it('reads every value with the representation of its Connect type', async () => {
    const [record] = await readAll();
    const value = record?.value as Struct;
    expect(value.get('c_int2')).toBe(32767);
    expect(value.get('c_int4')).toBe(-2147483648);
    expect(value.get('c_int8')).toBe(9007199254740993n);
    expect(value.get('c_float4')).toBe(1.5);
    expect(value.get('c_float8')).toBe(2.25);
    expect(value.get('c_numeric')).toEqual(new BigDecimal(1234567891n, 2));
    expect(value.get('c_numeric_int')).toEqual(new BigDecimal(123456789012n, 0));
    expect((value.get('c_numeric_free') as BigDecimal).compareTo(BigDecimal.parse('3.14159'))).toBe(0);
    expect((value.get('c_numeric_free') as BigDecimal).scale).toBe(127);
    expect(value.get('c_bool')).toBe(true);
    expect([value.get('c_text'), value.get('c_varchar'), value.get('c_char'), value.get('c_uuid'), value.get('c_enum')]).toEqual(['text', 'varchar', 'ab ', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'happy']);
    expect([value.get('c_json'), value.get('c_jsonb')]).toEqual(['{"a": 1}', '{"b": [1, 2]}']);
    expect(Buffer.from(value.get('c_bytea') as Uint8Array).toString('hex')).toBe('00ff10');
    expect(value.get('c_date')).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(value.get('c_time')).toEqual(new Date('1970-01-01T13:45:12.345Z'));
    expect(value.get('c_timestamp')).toEqual(new Date('2024-02-29T13:45:12.345Z'));
    expect(value.get('c_timestamptz')).toEqual(new Date('2024-02-29T11:45:12.345Z'));
  });

  it('leaves out columns of unsupported types such as interval', async () => {
    const [record] = await readAll();
    expect(record?.valueSchema?.field('c_interval')).toBeUndefined();
  });

  it('reads SQL NULLs as null in optional fields', async () => {
    const records = await readAll();
    const value = records[1]?.value as Struct;
    expect([value.get('c_int8'), value.get('c_numeric'), value.get('c_timestamp'), value.get('c_bytea')]).toEqual([null, null, null, null]);
  });

  it('maps NUMERIC by precision with numeric.mapping=best_fit', async () => {
    const [record] = await readAll({ 'numeric.mapping': 'best_fit' });
    const value = record?.value as Struct;
    expect([record?.valueSchema?.field('c_numeric')?.schema.type, record?.valueSchema?.field('c_numeric_int')?.schema.type]).toEqual(['FLOAT64', 'INT64']);
    expect([value.get('c_numeric'), value.get('c_numeric_int')]).toEqual([12345678.91, 123456789012n]);
  });

  it('maps only scale-0 NUMERIC to integers with numeric.mapping=precision_only', async () => {
    const [record] = await readAll({ 'numeric.mapping': 'precision_only' });
    expect([record?.valueSchema?.field('c_numeric')?.schema.name, record?.valueSchema?.field('c_numeric_int')?.schema.type]).toEqual(['org.apache.kafka.connect.data.Decimal', 'INT64']);
  });

  it('represents timestamps as epoch micros with timestamp.granularity=micros_long', async () => {
    const [record] = await readAll({ 'timestamp.granularity': 'micros_long' });
    expect([record?.valueSchema?.field('c_timestamp')?.schema.type, (record?.value as Struct).get('c_timestamp')]).toEqual(['INT64', 1709214312345678n]);
  });

  it('names no schema in query mode and publishes to topic.prefix', async () => {
    const props = { 'connection.url': db.jdbcUrl, mode: 'bulk', query: 'SELECT id, c_text AS label, id * 2 AS twice FROM all_types', 'topic.prefix': 'query-topic', 'poll.interval.ms': '10', tables: '', 'tables.fetched': 'true' };
    const records = await startTask(props).pollAll(1);
    expect([records[0]?.topic, records[0]?.sourcePartition, records[0]?.valueSchema?.name, records[0]?.valueSchema?.fields.map((f) => [f.name, f.schema.optional])]).toEqual([
      'query-topic',
      { query: 'query' },
      undefined,
      [['id', false], ['label', true], ['twice', true]],
    ]);
  });
});
