/**
 * Producer throughput against a broker, counted from acknowledgements: the raw kafkajs producer
 * sending pre-built ~1 KB records with sendBatch, and our ProducerPort (kafkajs-producer.ts) sending
 * the same bytes, both idempotent with acks=all, in batches of 1000 to a fresh topic per case.
 * `compareWithRawKafkajs` lets another section put "its pipeline + our ProducerPort" next to "raw
 * kafkajs with the same bytes" in the same run, with their ratio.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Message } from 'kafkajs';
import { createKafkaProducer } from '#lib/kafka/kafkajs-producer';
import { toKafkajsMessage } from '#lib/kafka/kafkajs-messages';
import { applyKafkajsPatches } from '#lib/kafka/kafkajs-patches';
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

/** Raw kafkajs: `sendBatch` of these records' bytes (converted once, up front), batch after batch. */
export async function rawKafkajsRate(brokers: string[], records: readonly ProducerRecord[], seconds: number, topic = records[0]?.topic ?? 'bench'): Promise<Rate> {
  applyKafkajsPatches(); // the idempotent producer needs the controller fallback on the mock cluster
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

export interface Comparison {
  readonly section: string;
  /** Names the "… + ProducerPort" case, e.g. `source json schemas.enable=false + ProducerPort`. */
  readonly label: string;
  readonly seconds: number;
  /** One batch for the ProducerPort, e.g. a source pipeline's `produce`; called once more for the raw bytes. */
  readonly makeBatch: () => Promise<readonly ProducerRecord[]> | readonly ProducerRecord[];
  /** A broker to reuse; else one is started (and stopped) here. */
  readonly broker?: BenchBroker;
}

/** Two rows, "raw kafkajs, same bytes" and `label`, the second noting the ratio (target ≥ 0.8). */
export async function compareWithRawKafkajs({ section, label, seconds, makeBatch, broker }: Comparison): Promise<BenchRow[]> {
  const started = broker ?? (await startBenchBroker());
  if (typeof started === 'string') return [{ section, case: label, recordsPerSecond: null, note: started }];
  try {
    const records = [...(await makeBatch())];
    const bytes = Math.round(records.reduce((n, r) => n + (r.value?.length ?? 0), 0) / Math.max(1, records.length));
    const raw = await rawKafkajsRate(started.brokers, records, seconds);
    const port = await producerPortRate(started.brokers, records.length, makeBatch, seconds);
    const ratio = `ratio ${(port.cpu / raw.cpu).toFixed(2)} cpu, ${(port.wall / raw.wall).toFixed(2)} wall vs raw kafkajs`;
    return [
      { section, case: `raw kafkajs sendBatch, same bytes (${records.length}/batch)`, recordsPerSecond: raw.cpu, wallRecordsPerSecond: raw.wall, recordBytes: bytes, note: started.description },
      { section, case: label, recordsPerSecond: port.cpu, wallRecordsPerSecond: port.wall, recordBytes: bytes, note: ratio },
    ];
  } finally {
    if (broker === undefined) await started.stop();
  }
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
