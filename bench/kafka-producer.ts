/**
 * Producer throughput against a broker, counted from acknowledgements: the raw kafkajs producer
 * sending pre-built ~1 KB records with sendBatch — as shipped, and with our kafkajs patches (linear
 * grouping by partition, one-pass Produce request encoder, slicing-by-8 CRC-32C, one-copy request
 * framing; same bytes on the wire) — and our ProducerPort
 * (kafkajs-producer.ts) sending the same bytes, all idempotent with acks=all, in batches of 1000 to a
 * fresh topic per case. The ratio that counts is against kafkajs as shipped: what a Lambda-with-Kafka
 * user runs.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from '#lib/kafka/kafkajs';
import type { Message } from 'kafkajs';
import { createKafkaProducer } from '#lib/kafka/kafkajs-producer';
import { toKafkajsMessage } from '#lib/kafka/kafkajs-messages';
import { applyKafkajsPatches, useKafkajsEncoding } from '#lib/kafka/kafkajs-patches';
import type { ProducerRecord } from '#lib/kafka/producer-port';
import type { BenchCase, BenchModule, BenchOptions, BenchRow } from './bench-module';
import { startBenchBroker, type BenchBroker } from './kafka-broker';
import { measureRate, type Rate } from './measure';

const SECTION = 'kafka-producer';
const BATCH = 1000;

/** `count` records of ~1 KB: a key, 1000 random value bytes, one header. */
export function kilobyteRecords(topic: string, count = BATCH): ProducerRecord[] {
  return Array.from({ length: count }, (_, i) => ({ topic, key: Buffer.from(`key-${i}`), value: randomBytes(1000), headers: [{ key: 'trace-id', value: Buffer.from(`trace-${i}`) }] }));
}

/** Which kafkajs: as shipped (its own encoder and CRC-32C), or with our encoding patches as our producers run it. */
export type KafkajsEncoding = 'stock' | 'ours';

/** Raw kafkajs: `sendBatch` of these records' bytes (converted once, up front), batch after batch. */
export async function rawKafkajsRate(brokers: string[], records: readonly ProducerRecord[], seconds: number, encoding: KafkajsEncoding, topic = records[0]?.topic ?? 'bench'): Promise<Rate> {
  applyKafkajsPatches(); // the idempotent producer needs the controller fallback on the mock cluster
  useKafkajsEncoding(encoding);
  try {
    return await rawSendBatchRate(brokers, records, seconds, topic);
  } finally {
    useKafkajsEncoding('ours');
  }
}

async function rawSendBatchRate(brokers: string[], records: readonly ProducerRecord[], seconds: number, topic: string): Promise<Rate> {
  const producer = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.NOTHING }).producer({ idempotent: true, maxInFlightRequests: 1 });
  // Plain kafkajs messages over the same Buffers; kafkajs stamps the timestamps.
  const messages: Message[] = records.map((r) => {
    const { key, value, headers, partition } = toKafkajsMessage(r, 0);
    return { key, value, ...(headers === undefined ? {} : { headers }), ...(partition === undefined ? {} : { partition }) };
  });
  await producer.connect();
  try {
    return await measureRate(records.length, () => producer.sendBatch({ topicMessages: [{ topic, messages }], acks: -1 }), seconds);
  } finally {
    await producer.disconnect();
  }
}

/** Our ProducerPort: `send(await makeBatch())`, batch after batch; makeBatch may run a pipeline. */
export async function producerPortRate(brokers: string[], batchSize: number, makeBatch: () => Promise<readonly ProducerRecord[]> | readonly ProducerRecord[], seconds: number, overrides: Readonly<Record<string, string>> = {}): Promise<Rate> {
  const producer = createKafkaProducer({ connection: { brokers, clientId: 'bench-port' }, overrides });
  try {
    return await measureRate(batchSize, async () => producer.send(await makeBatch()), seconds);
  } finally {
    await producer.close();
  }
}

interface Comparison {
  readonly section: string;
  /** Names the "… + ProducerPort" case, e.g. `source json schemas.enable=false + ProducerPort`. */
  readonly label: string;
  readonly seconds: number;
  /** One batch for the ProducerPort, e.g. a source pipeline's `produce`; called once more for the raw bytes. */
  readonly makeBatch: () => Promise<readonly ProducerRecord[]> | readonly ProducerRecord[];
  /** A broker to reuse; else one is started (and stopped) here. */
  readonly broker?: BenchBroker;
}

/** Three rows: raw kafkajs as shipped and with our patches, same bytes, and `label`, noting its ratios (target ≥ 0.8 vs as shipped). */
async function compareWithRawKafkajs({ section, label, seconds, makeBatch, broker }: Comparison): Promise<BenchRow[]> {
  const started = broker ?? (await startBenchBroker());
  if (typeof started === 'string') return [{ section, case: label, recordsPerSecond: null, note: started }];
  try {
    const records = [...(await makeBatch())];
    const bytes = Math.round(records.reduce((n, r) => n + (r.value?.length ?? 0), 0) / Math.max(1, records.length));
    const stock = await rawKafkajsRate(started.brokers, records, seconds, 'stock');
    const patched = await rawKafkajsRate(started.brokers, records, seconds, 'ours');
    const port = await producerPortRate(started.brokers, records.length, makeBatch, seconds);
    return [
      ...rawRows(section, records.length, bytes, stock, patched, started.description),
      { section, case: label, recordsPerSecond: port.cpu, wallRecordsPerSecond: port.wall, recordBytes: bytes, note: ratioNote(port, stock, patched) },
    ];
  } finally {
    if (broker === undefined) await started.stop();
  }
}

/** The rows for raw kafkajs as shipped and with our encoding patches. */
export function rawRows(section: string, batch: number, bytes: number, stock: Rate, patched: Rate, brokerNote: string): BenchRow[] {
  return [
    { section, case: `raw kafkajs sendBatch as shipped, same bytes (${batch}/batch)`, recordsPerSecond: stock.cpu, wallRecordsPerSecond: stock.wall, recordBytes: bytes, note: brokerNote },
    { section, case: 'raw kafkajs + our encoding patches, same bytes', recordsPerSecond: patched.cpu, wallRecordsPerSecond: patched.wall, recordBytes: bytes, note: 'one-pass grouping, Produce encoder, CRC-32C, framing: as our producers run' },
  ];
}

/** "ratio x cpu, y wall vs raw kafkajs as shipped; … vs patched". */
export function ratioNote(ours: Rate, stock: Rate, patched: Rate): string {
  const vs = (raw: Rate): string => `${(ours.cpu / raw.cpu).toFixed(2)} cpu, ${(ours.wall / raw.wall).toFixed(2)} wall`;
  return `ratio ${vs(stock)} vs raw kafkajs as shipped; ${vs(patched)} vs patched`;
}

/** Runs `measure` against a broker started for this case (and stopped after), or a row saying why there is none. */
async function withBroker(label: string, measure: (broker: BenchBroker, topic: string) => Promise<BenchRow[]>): Promise<BenchRow[]> {
  const broker = await startBenchBroker();
  if (typeof broker === 'string') return [{ section: SECTION, case: label, recordsPerSecond: null, note: broker }];
  try {
    return await measure(broker, `bench-${SECTION}-${Date.now()}`);
  } finally {
    await broker.stop();
  }
}

function portCase(label: string, overrides: Readonly<Record<string, string>>, note?: string): BenchCase {
  return {
    name: `${SECTION} ${label}`,
    run: ({ seconds }: BenchOptions) => withBroker(label, async (broker, topic) => {
      const records = kilobyteRecords(topic);
      const rate = await producerPortRate(broker.brokers, BATCH, () => records, seconds, overrides);
      return [{ section: SECTION, case: label, recordsPerSecond: rate.cpu, wallRecordsPerSecond: rate.wall, recordBytes: 1000, ...(note === undefined ? {} : { note }) }];
    }),
  };
}

const PORT_LABEL = `ProducerPort.send, idempotent (${BATCH}/batch)`;

export const kafkaProducerBench: BenchModule = {
  name: SECTION,
  cases: [
    {
      name: `${SECTION} raw kafkajs vs ${PORT_LABEL}`,
      run: ({ seconds }) => withBroker(PORT_LABEL, async (broker, topic) => {
        const records = kilobyteRecords(topic);
        return compareWithRawKafkajs({ section: SECTION, label: PORT_LABEL, seconds, makeBatch: () => records, broker });
      }),
    },
    portCase('ProducerPort.send, max.request.size=4 MiB (1 request/batch)', { 'max.request.size': String(4 * 1_048_576) }),
    portCase('ProducerPort.send, compression.type=gzip', { 'compression.type': 'gzip' }, 'random bytes: gzip costs CPU, saves nothing'),
  ],
};
