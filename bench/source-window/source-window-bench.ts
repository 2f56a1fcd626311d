/**
 * The source window end to end, as standalone mode runs it: datagen (~1 KB records) → JsonConverter
 * (schemas on) → InsertField$Value + ReplaceField$Value → our kafkajs ProducerPort → broker, with the
 * lease, boundary reads and fenced offset commits on the real DynamoDB stores over dynalite (in a
 * child process, off the measured core). Compared with raw kafkajs sending the bytes the window
 * sent, to the same broker, in the same run. Then short windows chained through the in-process
 * invoker, for the gap between them.
 */
import { DATAGEN_CONNECTOR } from '#lib/connectors/datagen/datagen-config';
import type { BenchModule, BenchOptions, BenchRow } from '../bench-module';
import { startBenchBroker } from '../kafka-broker';
import { rawKafkajsRate, rawRows, ratioNote } from '../kafka-producer';
import { jsonConverters } from '../pipeline/cases';
import { startDynaliteProcess } from './dynalite-process';
import { runWindows, type WindowRun } from './run-windows';

const SECTION = 'source-window';
/** Records per poll (datagen `batch.size`): per-batch costs (the boundary's DynamoDB read, the
 *  pipeline's set-up) are spread over more records; raw kafkajs does best with 1000 per sendBatch. */
const BATCH = 2000;
const RAW_BATCH = 1000;
/** Windows of the default length for the rate (no chaining within the run), short ones for the gaps. */
const RATE_WINDOW_MS = 60_000;
const GAP_WINDOW_MS = 250;
const GAP_SECONDS = 2;

const TWO_SMTS: Readonly<Record<string, string>> = {
  transforms: 'insert,rename',
  'transforms.insert.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
  'transforms.insert.static.field': 'pipeline',
  'transforms.insert.static.value': 'lambda-connect',
  'transforms.rename.type': 'org.apache.kafka.connect.transforms.ReplaceField$Value',
  'transforms.rename.renames': 'customer:customer_name',
};

function connectorConfig(windowMs: number): (topic: string) => Record<string, string> {
  return (topic) => ({
    'connector.class': DATAGEN_CONNECTOR,
    topic,
    'record.size.bytes': '1024',
    'batch.size': String(BATCH),
    'poll.window.ms': String(windowMs),
    ...jsonConverters(true),
    ...TWO_SMTS,
  });
}

export const sourceWindowBench: BenchModule = {
  name: SECTION,
  cases: [{ name: `${SECTION} window vs raw kafkajs, gaps`, run: measureWindows }],
};

/** One case: the window's rate and raw kafkajs's are compared, so they are measured in the same process. */
async function measureWindows({ seconds }: BenchOptions): Promise<BenchRow[]> {
  const broker = await startBenchBroker();
  if (typeof broker === 'string') return [{ section: SECTION, case: 'source window', recordsPerSecond: null, note: broker }];
  const dynamo = await startDynaliteProcess().catch(async (err: unknown) => {
    await broker.stop();
    return `no dynalite: ${err instanceof Error ? err.message : String(err)}`;
  });
  if (typeof dynamo === 'string') return [{ section: SECTION, case: 'source window', recordsPerSecond: null, note: dynamo }];
  try {
    const run = await runWindows({ brokers: broker.brokers, dynamo: dynamo.client, seconds, connectorConfig: connectorConfig(RATE_WINDOW_MS) });
    const topic = `bench-raw-${Date.now()}`;
    const records = run.sample.slice(0, RAW_BATCH).map((r) => ({ ...r, topic }));
    // The raw client as shipped, and with our encoding patches as the window runs it.
    const stock = await rawKafkajsRate(broker.brokers, records, seconds, 'stock', topic);
    const raw = await rawKafkajsRate(broker.brokers, records, seconds, 'ours', topic);
    const chained = await runWindows({ brokers: broker.brokers, dynamo: dynamo.client, seconds: GAP_SECONDS, connectorConfig: connectorConfig(GAP_WINDOW_MS) });
    const bytes = Math.round(records.reduce((n, r) => n + (r.value?.length ?? 0), 0) / Math.max(1, records.length));
    return [
      ...rawRows(SECTION, records.length, bytes, stock, raw, broker.description),
      {
        section: SECTION,
        case: `window: datagen → JsonConverter → 2 SMTs → ProducerPort (${BATCH}/poll)`,
        recordsPerSecond: run.rate.cpu,
        wallRecordsPerSecond: run.rate.wall,
        recordBytes: bytes,
        note: `${ratioNote(run.rate, stock, raw)}; ${dynamo.description}`,
      },
      { section: SECTION, case: `gap between chained windows (poll.window.ms=${GAP_WINDOW_MS})`, recordsPerSecond: null, note: gapNote(chained) },
    ];
  } finally {
    await dynamo.stop();
    await broker.stop();
  }
}

function gapNote({ gaps, windows }: WindowRun): string {
  if (gaps.length === 0) return `no chained windows in ${windows} window(s)`;
  const sorted = [...gaps].sort((a, b) => a - b);
  const ms = (v: number | undefined) => `${(v ?? 0).toFixed(0)} ms`;
  return `last commit → end of the next window's first poll: median ${ms(sorted[Math.floor(sorted.length / 2)])}, min ${ms(sorted[0])}, max ${ms(sorted.at(-1))} over ${gaps.length} gaps`;
}
