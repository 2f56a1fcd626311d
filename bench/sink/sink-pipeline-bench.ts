/**
 * The sink path as Lambda runs it, into PostgreSQL: 10k-record Kafka ESM events (the MSK JSON
 * shape, JsonConverter envelopes with schemas) → event decoding → the sink pipeline (JsonConverter,
 * an InsertField SMT) → JdbcSinkTask.put in upsert mode — once as one put of the event, once in the
 * runtime's slices of 1,000 records — against raw `pg` multi-row upserts of the same rows, measured
 * in turns in the same run (`compareJdbcSinkWithRawPg`).
 */
import { JsonConverter } from '#lib/converters/json/json-converter';
import type { SinkRecord } from '#lib/data/connect-record';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { createSinkPipeline, type ConfiguredSinkPipeline } from '#lib/runtime/pipeline/create-sink-pipeline';
import type { SinkTask } from '#lib/plugin/sink-task';
import { deadlineGuard, SLICE_RECORDS, slicesOf } from '#lib/runtime/sink/batch-deadline';
import { decodeKafkaEvent, type KafkaEvent } from '#lib/runtime/sink/msk-event';
import { putSlicesOverlapped } from '#lib/runtime/sink/overlapped-slices';
import type { BenchCase, BenchModule, BenchOptions, BenchRow } from '../bench-module';
import { compareJdbcSinkWithRawPg, orderRows } from '../jdbc-sink';

const RECORDS = 10_000;
const NO_DEADLINE = deadlineGuard(() => 0, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
const CONFIG = {
  'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
  'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
  transforms: 'origin',
  'transforms.origin.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
  'transforms.origin.static.field': 'origin',
  'transforms.origin.static.value': 'msk',
};

/** One MSK event of `count` order rows on partition 0 of `orders`, as Lambda would send it. */
export function mskEventOfOrders(count = RECORDS): KafkaEvent {
  const converter = new JsonConverter();
  converter.configure({ 'schemas.enable': 'true' }, false);
  const records = orderRows(count).map((r, i) => ({
    topic: 'orders',
    partition: 0,
    offset: i,
    timestamp: r.timestamp ?? 0,
    timestampType: 'CREATE_TIME' as const,
    key: Buffer.from(String(i)).toString('base64'),
    value: Buffer.from(converter.fromConnectData('orders', undefined, r.valueSchema, r.value) as Uint8Array).toString('base64'),
    headers: [],
  }));
  return { eventSource: 'aws:kafka', eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/bench/1', bootstrapServers: 'b-1:9098', records: { 'orders-0': records } };
}

const LABEL = `MSK event → decode → JsonConverter → InsertField → JDBC upsert (${RECORDS}/event`;

/** One comparison with raw pg per case, each with its own event and pipeline. */
function comparisonCase(name: string, compare: (seconds: number, pipeline: ConfiguredSinkPipeline, event: KafkaEvent) => Promise<BenchRow[]>): BenchCase {
  return {
    name: `sink-pipeline raw pg vs ${name}`,
    async run({ seconds }: BenchOptions): Promise<BenchRow[]> {
      const event = mskEventOfOrders();
      const pipeline = createSinkPipeline(CONFIG, { registry: createDefaultRegistry(), connectorName: 'bench', taskId: 0 });
      try {
        return await compare(seconds, pipeline, event);
      } finally {
        pipeline.close();
      }
    },
  };
}

function batchMaker(pipeline: ConfiguredSinkPipeline, event: KafkaEvent): () => Promise<readonly SinkRecord[]> {
  return async () => {
    const [partition] = decodeKafkaEvent(event).partitions;
    return (await pipeline.process(partition?.records ?? [])).records;
  };
}

export const sinkPipelineBench: BenchModule = {
  name: 'sink-pipeline',
  cases: [
    comparisonCase('one put', (seconds, pipeline, event) =>
      compareJdbcSinkWithRawPg({ section: 'sink-pipeline', label: `${LABEL}, one put)`, seconds, makeBatch: batchMaker(pipeline, event), targeted: false })),
    // As the runtime puts a batch (batch-deadline.ts): slices, each its own statement and transaction.
    comparisonCase('sliced puts', (seconds, pipeline, event) =>
      compareJdbcSinkWithRawPg({ section: 'sink-pipeline', label: `${LABEL}, puts of ${SLICE_RECORDS} one after the other)`, seconds, makeBatch: batchMaker(pipeline, event), putSlice: SLICE_RECORDS, targeted: false })),
    // As the runtime delivers (deliver-batch.ts): slices put in order, the next converted while a put waits on PostgreSQL.
    comparisonCase('overlapped slices', (seconds, pipeline, event) => {
      const deliver = async (task: SinkTask): Promise<void> => {
        const slices = slicesOf(decodeKafkaEvent(event).partitions);
        await putSlicesOverlapped(slices, { prepare: (slice) => pipeline.process(slice.flatMap((p) => p.records)), put: async (result) => { await task.put(result.records); } }, NO_DEADLINE, () => 0);
      };
      return compareJdbcSinkWithRawPg({ section: 'sink-pipeline', label: `${LABEL}, puts of ${SLICE_RECORDS} as the runtime: next slice converted during each put)`, seconds, makeBatch: batchMaker(pipeline, event), deliver });
    }),
  ],
};
