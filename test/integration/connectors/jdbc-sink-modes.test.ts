import { describe, expect, it } from 'vitest';
import { JdbcSinkConnector } from '#lib/connectors/jdbc/sink/jdbc-sink-connector';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { usePostgres } from '#test/support/postgres';
import { sinkRecord } from '#test/unit/connectors/sink-task-context';
import { rows, startSink, struct, structRecords } from './jdbc-sink-harness';

const db = usePostgres();

const VALUE = SchemaBuilder.struct().name('Item').field('id', Schema.INT64_SCHEMA).field('name', Schema.OPTIONAL_STRING_SCHEMA).build();
const KEY = SchemaBuilder.struct().name('ItemKey').field('id', Schema.INT64_SCHEMA).build();
const structKey = { schema: KEY, of: (v: Record<string, unknown>) => struct(KEY, { id: v.id }) };

let tableCount = 0;
const nextTopic = (): string => `items_${++tableCount}`;
const items = (names: string[], firstId = 1): Record<string, unknown>[] => names.map((name, i) => ({ id: BigInt(firstId + i), name }));

async function validationErrors(props: Record<string, string>): Promise<Record<string, string[]>> {
  const values = await new JdbcSinkConnector().validate({ name: 'jdbc-sink', 'connection.url': db.jdbcUrl, ...props });
  return Object.fromEntries(values.filter((v) => v.errorMessages.length > 0).map((v) => [v.name, v.errorMessages]));
}

describe('JDBC sink insert.mode=insert', () => {
  it('with pk.mode=none appends every record, duplicates included, to a table it creates without a primary key', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true' });
    await task.put(structRecords(topic, VALUE, items(['a', 'b'])));
    await task.put(structRecords(topic, VALUE, items(['a'])));
    expect(await rows(db.pool, `SELECT id, name FROM ${topic} ORDER BY id, name`)).toEqual([{ id: '1', name: 'a' }, { id: '1', name: 'a' }, { id: '2', name: 'b' }]);
    expect(await rows(db.pool, `SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = '${topic}'::regclass AND contype = 'p'`)).toEqual([{ n: 0 }]);
  });

  it('with pk.mode=kafka keys rows by __connect_topic, __connect_partition and __connect_offset', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'kafka' });
    await task.put(structRecords(topic, VALUE, items(['a', 'b']), 40));
    expect(await rows(db.pool, `SELECT __connect_topic, __connect_partition, __connect_offset, id, name FROM ${topic} ORDER BY __connect_offset`)).toEqual([
      { __connect_topic: topic, __connect_partition: 0, __connect_offset: '40', id: '1', name: 'a' },
      { __connect_topic: topic, __connect_partition: 0, __connect_offset: '41', id: '2', name: 'b' },
    ]);
  });

  it('with pk.mode=kafka and three pk.fields names the coordinate columns', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'kafka', 'pk.fields': 't,p,o' });
    await task.put(structRecords(topic, VALUE, items(['a']), 7));
    expect(await rows(db.pool, `SELECT t, p, o FROM ${topic}`)).toEqual([{ t: topic, p: 0, o: '7' }]);
  });

  it('with pk.mode=record_key takes every field of a struct key', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'record_key' });
    await task.put(structRecords(topic, VALUE, items(['a', 'b']), 0, structKey));
    expect(await rows(db.pool, `SELECT id, name FROM ${topic} ORDER BY id`)).toEqual([{ id: '1', name: 'a' }, { id: '2', name: 'b' }]);
    expect(await rows(db.pool, `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '${topic}'::regclass AND i.indisprimary`)).toEqual([{ attname: 'id' }]);
  });

  it('with pk.mode=record_key and a primitive key uses the one pk.fields name', async () => {
    const topic = nextTopic();
    const value = SchemaBuilder.struct().field('name', Schema.OPTIONAL_STRING_SCHEMA).build();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'record_key', 'pk.fields': 'item_id' });
    await task.put([sinkRecord({ topic, keySchema: Schema.INT64_SCHEMA, key: 5n, valueSchema: value, value: struct(value, { name: 'x' }) })]);
    expect(await rows(db.pool, `SELECT item_id, name FROM ${topic}`)).toEqual([{ item_id: '5', name: 'x' }]);
  });

  it('with pk.mode=record_value keys rows by the pk.fields of the value', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'record_value', 'pk.fields': 'id' });
    await task.put(structRecords(topic, VALUE, items(['a', 'b'])));
    await expect(task.put(structRecords(topic, VALUE, items(['again'])))).rejects.toThrow(/duplicate key value violates unique constraint .*\(SQLState: 23505\)/);
    expect(await rows(db.pool, `SELECT id, name FROM ${topic} ORDER BY id`)).toEqual([{ id: '1', name: 'a' }, { id: '2', name: 'b' }]);
  });
});

describe('JDBC sink insert.mode=upsert', () => {
  it.each([
    ['kafka', {}, undefined],
    ['record_key', {}, structKey],
    ['record_value', { 'pk.fields': 'id' }, undefined],
  ] as const)('with pk.mode=%s gives the same table when a batch is delivered twice', async (pkMode, extra, key) => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'insert.mode': 'upsert', 'pk.mode': pkMode, ...extra });
    const batch = structRecords(topic, VALUE, items(['a', 'b', 'c']), 10, key);
    await task.put(batch);
    const once = await rows(db.pool, `SELECT * FROM ${topic} ORDER BY id`);
    await task.put(batch);
    expect(await rows(db.pool, `SELECT * FROM ${topic} ORDER BY id`)).toEqual(once);
    expect(once).toHaveLength(3);
  });

  it('updates the non-key columns of existing rows and keeps the last value of a key within a batch', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'insert.mode': 'upsert', 'pk.mode': 'record_key' });
    await task.put(structRecords(topic, VALUE, items(['a', 'b']), 0, structKey));
    await task.put(structRecords(topic, VALUE, [...items(['b1', 'c'], 2), ...items(['b2'], 2), ...items(['a2'], 1)], 2, structKey));
    expect(await rows(db.pool, `SELECT id, name FROM ${topic} ORDER BY id`)).toEqual([{ id: '1', name: 'a2' }, { id: '2', name: 'b2' }, { id: '3', name: 'c' }]);
  });

  it('with only key columns inserts missing keys and leaves existing rows alone', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'insert.mode': 'upsert', 'pk.mode': 'record_value' });
    await task.put(structRecords(topic, VALUE, [...items(['a', 'b']), ...items(['a'])]));
    expect(await rows(db.pool, `SELECT id, name FROM ${topic} ORDER BY id`)).toEqual([{ id: '1', name: 'a' }, { id: '2', name: 'b' }]);
  });

  it('with pk.mode=none fails validation, and a started task fails with Confluent message', async () => {
    expect(await validationErrors({ 'insert.mode': 'upsert' })).toEqual({
      'insert.mode': ["insert.mode 'upsert' needs primary key columns: set pk.mode to kafka, record_key or record_value"],
      'pk.mode': ["insert.mode 'upsert' needs primary key columns: set pk.mode to kafka, record_key or record_value"],
    });
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'insert.mode': 'upsert' });
    await expect(task.put(structRecords(topic, VALUE, items(['a'])))).rejects.toThrow(`Write to table '"public"."${topic}"' in UPSERT mode requires key field names to be known, check the primary key configuration`);
  });
});

describe('JDBC sink insert.mode=update', () => {
  async function tableWithRows(topic: string, columns = 'id bigint PRIMARY KEY, name text'): Promise<void> {
    await db.pool.query(`CREATE TABLE ${topic} (${columns})`);
    await db.pool.query(`INSERT INTO ${topic} (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')`);
  }

  it.each([
    ['record_key', {}, structKey],
    ['record_value', { 'pk.fields': 'id' }, undefined],
  ] as const)('with pk.mode=%s updates the rows with matching keys only', async (pkMode, extra, key) => {
    const topic = nextTopic();
    await tableWithRows(topic);
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'insert.mode': 'update', 'pk.mode': pkMode, ...extra });
    await task.put(structRecords(topic, VALUE, [...items(['A'], 1), ...items(['C1'], 3), ...items(['nobody'], 9), ...items(['C2'], 3)], 0, key));
    expect(await rows(db.pool, `SELECT id, name FROM ${topic} ORDER BY id`)).toEqual([{ id: '1', name: 'A' }, { id: '2', name: 'b' }, { id: '3', name: 'C2' }]);
  });

  it('with pk.mode=kafka updates the row of the same Kafka coordinates', async () => {
    const topic = nextTopic();
    await db.pool.query(`CREATE TABLE ${topic} (__connect_topic text, __connect_partition int, __connect_offset bigint, id bigint, name text, PRIMARY KEY (__connect_topic, __connect_partition, __connect_offset))`);
    await db.pool.query(`INSERT INTO ${topic} VALUES ('${topic}', 0, 5, 1, 'old'), ('${topic}', 0, 6, 2, 'other')`);
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'insert.mode': 'update', 'pk.mode': 'kafka' });
    await task.put(structRecords(topic, VALUE, items(['new']), 5));
    expect(await rows(db.pool, `SELECT __connect_offset, name FROM ${topic} ORDER BY __connect_offset`)).toEqual([{ __connect_offset: '5', name: 'new' }, { __connect_offset: '6', name: 'other' }]);
  });

  it('with pk.mode=none sets every row, as Confluent UPDATE without WHERE does', async () => {
    const topic = nextTopic();
    await tableWithRows(topic, 'id bigint, name text');
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'insert.mode': 'update' });
    await task.put(structRecords(topic, VALUE, items(['x', 'y'], 7)));
    expect(await rows(db.pool, `SELECT DISTINCT id, name FROM ${topic}`)).toEqual([{ id: '8', name: 'y' }]);
  });
});

describe('JDBC sink delete.enabled', () => {
  const deleting = { 'auto.create': 'true', 'pk.mode': 'record_key', 'delete.enabled': 'true' };

  it('deletes the row of a tombstone and keeps the order of writes and deletes within a batch', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'insert.mode': 'upsert', ...deleting });
    await task.put(structRecords(topic, VALUE, items(['a', 'b', 'c']), 0, structKey));
    const tombstone = (id: bigint, offset: number) => sinkRecord({ topic, offset, keySchema: KEY, key: struct(KEY, { id }), valueSchema: null, value: null });
    await task.put([tombstone(1n, 3), ...structRecords(topic, VALUE, items(['b2'], 2), 4, structKey), tombstone(2n, 5), tombstone(3n, 6), ...structRecords(topic, VALUE, items(['c2'], 3), 7, structKey)]);
    expect(await rows(db.pool, `SELECT id, name FROM ${topic} ORDER BY id`)).toEqual([{ id: '3', name: 'c2' }]);
  });

  it('ignores a tombstone for a key that has no row', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, ...deleting });
    await task.put(structRecords(topic, VALUE, items(['a']), 0, structKey));
    await task.put([sinkRecord({ topic, offset: 1, keySchema: KEY, key: struct(KEY, { id: 99n }), value: null })]);
    expect(await rows(db.pool, `SELECT id FROM ${topic}`)).toEqual([{ id: '1' }]);
  });

  it.each(['none', 'kafka', 'record_value'])('is a config error with pk.mode=%s', async (pkMode) => {
    expect(await validationErrors({ 'pk.mode': pkMode, 'delete.enabled': 'true' })).toEqual({
      'pk.mode': ['Deletes are only supported for pk.mode record_key'],
      'delete.enabled': ['Deletes are only supported for pk.mode record_key'],
    });
    await expect(startSink({ 'connection.url': db.jdbcUrl, 'pk.mode': pkMode, 'delete.enabled': 'true' })).rejects.toThrow("Primary key mode must be 'record_key' when delete support is enabled");
  });

  it('rejects a tombstone when deletes are disabled, with Confluent message', async () => {
    const topic = nextTopic();
    const { task } = await startSink({ 'connection.url': db.jdbcUrl, 'auto.create': 'true', 'pk.mode': 'record_key' });
    await expect(task.put([sinkRecord({ topic, offset: 3, keySchema: KEY, key: struct(KEY, { id: 1n }), value: null, timestamp: 1000 })])).rejects.toThrow(
      "Sink connector 'jdbc-sink' is configured with 'delete.enabled=false' and 'pk.mode=record_key' and therefore requires records with a non-null Struct or String value and non-null Struct or String schema, " +
        `but found record at (topic='${topic}',partition=0,offset=3,timestamp=1000) with a null value and null value schema.`,
    );
  });
});

describe('JDBC sink validation', () => {
  it('accepts a valid config after connecting to the database', async () => {
    expect(await validationErrors({ 'pk.mode': 'record_key', 'delete.enabled': 'true', 'insert.mode': 'upsert' })).toEqual({});
  });

  it('reports a pk.fields list for pk.mode=kafka that is not a trio', async () => {
    expect(await validationErrors({ 'pk.mode': 'kafka', 'pk.fields': 'a,b' })).toEqual({
      'pk.fields': ['PK mode is KAFKA so there should either be no field names defined for defaults [__connect_topic, __connect_partition, __connect_offset] to be applicable, or exactly 3, defined fields are: [a, b]'],
    });
  });

  it('reports an unreachable database on connection.url', async () => {
    const errors = await validationErrors({ 'connection.url': 'jdbc:postgresql://127.0.0.1:1/db?user=x' });
    expect(errors['connection.url']?.[0]).toMatch(/^Could not connect to database\. /);
  });

  it('reports invalid enumerators and a non-PostgreSQL URL', async () => {
    expect(await validationErrors({ 'insert.mode': 'merge', 'pk.mode': 'RECORD_KEY' })).toEqual({ 'insert.mode': ['Invalid value merge for configuration insert.mode: Invalid enumerator'] });
    expect((await validationErrors({ 'connection.url': 'jdbc:mysql://localhost/db' }))['connection.url']?.[0]).toMatch(/JDBC sink supports PostgreSQL only/);
  });
});
