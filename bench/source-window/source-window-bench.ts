/**
 * The source window end to end, as standalone mode runs it: datagen (~1 KB records) → JsonConverter
 * (schemas on) → InsertField$Value + ReplaceField$Value → our kafkajs ProducerPort → broker, with the
 * lease, boundary reads and fenced offset commits on the real DynamoDB stores over dynalite (in a
 * child process, off the measured core). Windows chain through the in-process invoker. Compared
 * with raw kafkajs sending the bytes the window sent, to the same broker, in the same run; plus the
 * gap between chained windows.
 */
import { DATAGEN_CONNECTOR } from '#lib/connectors/datagen/datagen-config';
import type { BenchModule, BenchOptions, BenchRow } from '../bench-module';
import { startBenchBroker } from '../kafka-broker';
import { rawKafkajsRate } from '../kafka-producer';
import { jsonConverters } from '../pipeline/cases';
import { startDynaliteProcess } from './dynalite-process';
import { runWindows, type WindowRun } from './run-windows';

const SECTION = 'source-window';
/** Records per poll (datagen `batch.size`). */
const BATCH = 1000;
const WINDOW_MS = 2000;

const TWO_SMTS: Readonly<Record<string, string>> = {
  transforms: 'insert,rename',
  'transforms.insert.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
  'transforms.insert.static.field': 'pipeline',
  'transforms.insert.static.value': 'lambda-connect',
  'transforms.rename.type': 'org.apache.kafka.connect.transforms.ReplaceField$Value',
  'transforms.rename.renames': 'customer:customer_name',
};

function connectorConfig(topic: string): Record<string, string> {
  return {
    'connector.class': DATAGEN_CONNECTOR,
    topic,
    'record.size.bytes': '1024',
    'batch.size': String(BATCH),
    'poll.window.ms': String(WINDOW_MS),
    ...jsonConverters(true),
    ...TWO_SMTS,
  };
}

export const sourceWindowBench: BenchModule = {
  name: SECTION,
  async run({ seconds }: BenchOptions): Promise<BenchRow[]> {
    const broker = await startBenchBroker();
    if (typeof broker === 'string') return [{ section: SECTION, case: 'source window', recordsPerSecond: null, note: broker }];
    const dynamo = await startDynaliteProcess();
    try {
      const run = await runWindows({ brokers: broker.brokers, dynamo: dynamo.client, seconds, connectorConfig });
      const topic = `bench-raw-${Date.now()}`;
      const records = run.sample.map((r) => ({ ...r, topic }));
      const raw = await rawKafkajsRate(broker.brokers, records, seconds, topic);
      const bytes = Math.round(records.reduce((n, r) => n + (r.value?.length ?? 0), 0) / Math.max(1, records.length));
      return [
        { section: SECTION, case: `raw kafkajs sendBatch, same bytes (${records.length}/batch)`, recordsPerSecond: raw.cpu, wallRecordsPerSecond: raw.wall, recordBytes: bytes, note: broker.description },
        {
          section: SECTION,
          case: `window: datagen → JsonConverter → 2 SMTs → ProducerPort (${BATCH}/poll)`,
          recordsPerSecond: run.rate.cpu,
          wallRecordsPerSecond: run.rate.wall,
          recordBytes: bytes,
          note: `ratio ${(run.rate.cpu / raw.cpu).toFixed(2)} cpu, ${(run.rate.wall / raw.wall).toFixed(2)} wall vs raw kafkajs; ${dynamo.description}`,
        },
        { section: SECTION, case: `gap between chained windows (poll.window.ms=${WINDOW_MS})`, recordsPerSecond: null, note: gapNote(run) },
      ];
    } finally {
      await dynamo.stop();
      await broker.stop();
    }
  },
};

function gapNote({ gaps, windows }: WindowRun): string {
  if (gaps.length === 0) return `no chained windows in ${windows} window(s)`;
  const sorted = [...gaps].sort((a, b) => a - b);
  const ms = (v: number | undefined) => `${(v ?? 0).toFixed(0)} ms`;
  return `last commit → next window's first poll: median ${ms(sorted[Math.floor(sorted.length / 2)])}, min ${ms(sorted[0])}, max ${ms(sorted.at(-1))} over ${gaps.length} gaps`;
}
