/**
 * Kafka → JDBC sink (PostgreSQL) end to end: a connector created through REST, its mapping run by
 * the ESM emulator invoking the real sink-task handler. The handler is wrapped so that one batch
 * "dies" after the sink wrote it and before the mapping could commit (as a Lambda killed at that
 * point): the emulator delivers the batch again, and upsert leaves the same table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from 'aws-lambda';
import { processSinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import { startEsmEmulator, type EsmEmulator, type KafkaEventHandler } from '#lib/standalone/esm-emulator';
import { useTestKafka } from '#test/support/kafka';
import { usePostgres } from '#test/support/postgres';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';
import { eventually } from './sink-stack';

const kafka = useTestKafka();
const pg = usePostgres();
let worker: TestWorker;
let emulator: EsmEmulator;
const invocations: Array<{ topics: string[]; offsets: number[]; crashed: boolean }> = [];
const crashAfterWrite = new Set<string>();

beforeAll(async () => {
  worker = await startTestWorker({ KAFKA_BROKERS: kafka().brokers.join(','), LAMBDA_CONNECT_SINK_MAPPINGS: 'memory' });
  const { handler } = (await import('#functions/sink-task')) as { handler: KafkaEventHandler };
  const wrapped: KafkaEventHandler = async (event: unknown, context: Context) => {
    const records = (event as { records: Record<string, Array<{ topic: string; offset: number }>> }).records;
    const all = Object.values(records).flat();
    const topics = [...new Set(all.map((r) => r.topic))];
    const result = await handler(event, context);
    const crash = topics.some((t) => crashAfterWrite.delete(t));
    invocations.push({ topics, offsets: all.map((r) => r.offset), crashed: crash });
    if (crash) throw new Error('Simulated: the invocation was killed after the sink wrote the batch');
    return result;
  };
  emulator = startEsmEmulator({ mappings: processSinkMappings(), connection: kafka().connection, handler: wrapped, retry: { minMs: 50, maxMs: 200 } });
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
  await worker?.stop();
});

const ROW_SCHEMA = { type: 'struct', name: 'row', optional: false, fields: [ { field: 'id', type: 'int32', optional: false }, { field: 'name', type: 'string', optional: true } ] };
const row = (id: number, name: string) => JSON.stringify({ schema: ROW_SCHEMA, payload: { id, name } });

async function rows(table: string): Promise<Array<{ id: number; name: string }>> {
  const result = await pg.pool.query(`SELECT id, name FROM "${table}" ORDER BY id`).catch(() => ({ rows: [] }));
  return result.rows as Array<{ id: number; name: string }>;
}

describe('a JDBC sink created through REST', () => {
  it('writes the produced rows, and upserting a batch delivered twice leaves the same table', async () => {
    const topic = kafka().unique('jdbc_rows').replace(/-/g, '_');
    const name = kafka().unique('jdbc-sink');
    crashAfterWrite.add(topic);
    const created = await worker.request('POST', '/connectors', {
      name,
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
        'connection.url': pg.jdbcUrl,
        topics: topic,
        'insert.mode': 'upsert',
        'pk.mode': 'record_value',
        'pk.fields': 'id',
        'auto.create': 'true',
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      },
    });
    expect(created.status).toBe(201);
    await kafka().produce(topic, [row(1, 'one'), row(2, 'two'), row(3, 'three'), row(2, 'TWO')].map((value) => ({ value, partition: 0 })));
    const table = await eventually(() => rows(topic), (r) => r.length === 3 && r[1]?.name === 'TWO', 60_000);
    expect(table).toEqual([
      { id: 1, name: 'one' },
      { id: 2, name: 'TWO' },
      { id: 3, name: 'three' },
    ]);
    const mine = await eventually(async () => invocations.filter((i) => i.topics.includes(topic)), (m) => m.length >= 2);
    expect(await rows(topic)).toEqual(table);
    expect(mine[0]?.crashed).toBe(true);
    expect(mine[1]?.offsets.slice(0, mine[0]?.offsets.length)).toEqual(mine[0]?.offsets);
    const offsets = await eventually(async () => (await worker.request('GET', `/connectors/${name}/offsets`)).json.offsets as unknown[], (o) => o.length === 1);
    expect(offsets).toEqual([{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 4 } }]);
  }, 120_000);
});
