import { describe, expect, it } from 'vitest';
import { BigDecimal } from '#lib/data/big-decimal';
import { ConnectDecimal } from '#lib/data/connect-decimal';
import { ConnectDate, ConnectTime, ConnectTimestamp } from '#lib/data/connect-temporal';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { DataError } from '#lib/errors';
import { usePostgres } from '#test/support/postgres';
import { sinkRecord } from '#test/unit/connectors/sink-task-context';
import { errorOf, rows, startSink, structRecords } from './jdbc-sink-harness';

const db = usePostgres();

describe('JDBC sink values', () => {
  it('writes 64-bit integers beyond 2^53 and decimals exactly', async () => {
    const schema = SchemaBuilder.struct().field('big', Schema.INT64_SCHEMA).field('amount', ConnectDecimal.schema(4)).field('wide', ConnectDecimal.schema(0)).build();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true' });
    const values = [
      { big: 9223372036854775807n, amount: BigDecimal.parse('12345678901234.5678'), wide: BigDecimal.parse('123456789012345678901234567890') },
      { big: -9007199254740993n, amount: BigDecimal.parse('-0.0001'), wide: BigDecimal.parse('0') },
    ];
    await task.put(structRecords('exact', schema, values));
    expect(await rows(db.pool, 'SELECT big::text, amount::text, wide::text FROM exact ORDER BY big')).toEqual([
      { big: '-9007199254740993', amount: '-0.0001', wide: '0' },
      { big: '9223372036854775807', amount: '12345678901234.5678', wide: '123456789012345678901234567890' },
    ]);
  });

  it('writes floats, booleans, bytes, nulls and arrays as their exact PostgreSQL values', async () => {
    const schema = SchemaBuilder.struct()
      .field('f32', Schema.FLOAT32_SCHEMA)
      .field('f64', Schema.FLOAT64_SCHEMA)
      .field('nan', Schema.FLOAT64_SCHEMA)
      .field('flag', Schema.BOOLEAN_SCHEMA)
      .field('raw', Schema.BYTES_SCHEMA)
      .field('nothing', Schema.OPTIONAL_STRING_SCHEMA)
      .field('words', SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build())
      .field('longs', SchemaBuilder.array(Schema.INT64_SCHEMA).build())
      .build();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true' });
    await task.put(structRecords('plain', schema, [{ f32: 0.1, f64: 0.1, nan: Number.NaN, flag: true, raw: new Uint8Array([0, 255, 10]), nothing: null, words: ['a "q"', null, 'b\\c', '{x,y}'], longs: [9007199254740993n] }]));
    expect(await rows(db.pool, "SELECT f32::text, f64::text, nan::text, flag, encode(raw, 'hex') AS raw, nothing, words, longs::text FROM plain")).toEqual([
      { f32: '0.1', f64: '0.1', nan: 'NaN', flag: true, raw: '00ff0a', nothing: null, words: ['a "q"', null, 'b\\c', '{x,y}'], longs: '{9007199254740993}' },
    ]);
  });

  it('writes dates, times and timestamps as wall clocks in db.timezone, and dates in UTC with date.timezone=UTC', async () => {
    const schema = SchemaBuilder.struct().field('day', ConnectDate.SCHEMA).field('clock', ConnectTime.SCHEMA).field('at', ConnectTimestamp.SCHEMA).build();
    await db.pool.query('CREATE TABLE temporal (day date, clock time, at timestamp, at_tz timestamptz)');
    const value = { day: new Date(Date.UTC(2024, 2, 10)), clock: new Date(Date.UTC(1970, 0, 1, 12, 30, 15, 250)), at: new Date(Date.UTC(2024, 2, 10, 12, 0, 0, 123)) };
    for (const [zone, dateZone] of [['UTC', 'DB_TIMEZONE'], ['America/New_York', 'DB_TIMEZONE'], ['America/New_York', 'UTC']]) {
      const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'table.name.format': 'temporal', 'db.timezone': zone as string, 'date.timezone': dateZone as string });
      await task.put(structRecords('t', schema, [value]));
      await task.stop();
    }
    expect(await rows(db.pool, 'SELECT day::text, clock::text, at::text FROM temporal')).toEqual([
      { day: '2024-03-10', clock: '12:30:15.25', at: '2024-03-10 12:00:00.123' },
      { day: '2024-03-09', clock: '07:30:15.25', at: '2024-03-10 08:00:00.123' },
      { day: '2024-03-10', clock: '07:30:15.25', at: '2024-03-10 08:00:00.123' },
    ]);
  });

  it('writes the exact instant into a timestamptz column whatever db.timezone is', async () => {
    await db.pool.query('CREATE TABLE instants (at timestamptz)');
    const schema = SchemaBuilder.struct().field('at', ConnectTimestamp.SCHEMA).build();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'table.name.format': 'instants', 'db.timezone': 'Asia/Kolkata' });
    await task.put(structRecords('t', schema, [{ at: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 1)) }]));
    expect(await rows(db.pool, "SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS at FROM instants")).toEqual([{ at: '2024-01-01 00:00:00.001' }]);
  });

  it('converts the epoch micros and nanos of timestamp.fields.list into timestamps', async () => {
    const schema = SchemaBuilder.struct().field('id', Schema.INT32_SCHEMA).field('created', Schema.INT64_SCHEMA).field('updated', Schema.STRING_SCHEMA).build();
    for (const [mode, created, updated] of [['microseconds', 1_700_000_000_123_456n, '1700000000123456'], ['nanoseconds', 1_700_000_000_123_456_789n, '1700000000123456789']] as const) {
      const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'table.name.format': `epochs_${mode}`, 'timestamp.fields.list': 'created,updated', 'timestamp.precision.mode': mode });
      await task.put(structRecords('t', schema, [{ id: 1, created, updated }]));
    }
    expect(await rows(db.pool, 'SELECT created::text, updated::text FROM epochs_microseconds UNION ALL SELECT created::text, updated::text FROM epochs_nanoseconds')).toEqual([
      { created: '2023-11-14 22:13:20.123456', updated: '2023-11-14 22:13:20.123456' },
      { created: '2023-11-14 22:13:20.123457', updated: '2023-11-14 22:13:20.123457' },
    ]);
  });

  it('writes String values into the string.output.value.column.name column', async () => {
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'kafka', 'string.output.value.column.name': 'line' });
    await task.put([sinkRecord({ topic: 'lines', offset: 0, valueSchema: Schema.STRING_SCHEMA, value: 'hello' }), sinkRecord({ topic: 'lines', offset: 1, valueSchema: Schema.OPTIONAL_STRING_SCHEMA, value: 'world' })]);
    expect(await rows(db.pool, 'SELECT __connect_offset, line FROM lines ORDER BY 1')).toEqual([{ __connect_offset: '0', line: 'hello' }, { __connect_offset: '1', line: 'world' }]);
  });

  it("rejects schemaless values with Confluent's message", async () => {
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true' });
    const error = await errorOf(task.put([sinkRecord({ topic: 'maps', offset: 4, value: new Map([['id', 1]]), timestamp: null })]));
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toBe(
      "Sink connector 'jdbc-sink' is configured with 'delete.enabled=false' and 'pk.mode=none' and therefore requires records with a non-null Struct or String value and non-null Struct or String schema, " +
        "but found record at (topic='maps',partition=0,offset=4,timestamp=null) with a HashMap value and null value schema.",
    );
    expect(await rows(db.pool, "SELECT to_regclass('public.maps') AS t")).toEqual([{ t: null }]);
  });

  it('rejects a struct field type without a column type (MAP)', async () => {
    const schema = SchemaBuilder.struct().field('m', SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()).build();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true' });
    await expect(task.put(structRecords('mapped', schema, [{ m: new Map([['a', 'b']]) }]))).rejects.toThrow("null (MAP) type doesn't have a mapping to the SQL database column type");
  });
});
