/**
 * Standalone mode's stand-in for Lambda's Kafka event source mappings. For every enabled mapping a
 * kafkajs consumer joins the mapping's group on its topic (from the earliest offset, as
 * TRIM_HORIZON) and turns fetched records into events of the exact MSK / self-managed shape:
 * per partition, in offset order, at most BatchSize records and 6 MB per event, fetches waiting up
 * to the batching window. The sink-task handler is invoked in-process with a context whose ARN is
 * qualified by the mapping's alias. Offsets are committed only after the handler succeeded; a
 * failed batch is retried (exponential backoff up to 5 s) until it succeeds or the mapping is
 * disabled or deleted — then nothing is committed, and the records come again later.
 *
 * Runners follow the mapping registry: started when a mapping is created or enabled, stopped when it
 * is disabled or deleted, restarted when its batch size or window changes.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { createKafkaClient } from '#lib/kafka/kafkajs-client';
import type { KafkaConnection } from '#lib/kafka/types';
import { createLogger } from '#lib/logging/logger';
import type { SinkMapping } from '#lib/runtime/sink/mappings/mapping-port';
import type { MemorySinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import { eventBytes, kafkaEvent, type EmulatedMessage, type EventSourceOptions } from './esm-event';
import { createLambdaContext } from './lambda-context';

export type KafkaEventHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface EsmEmulatorOptions {
  mappings: MemorySinkMappings;
  connection: KafkaConnection;
  handler: KafkaEventHandler;
  functionName?: string;
  region?: string;
  source?: Partial<EventSourceOptions>;
  /** Lambda's payload limit for synchronous invocations. */
  maxEventBytes?: number;
  /** Backoff between retries of a failed batch: doubles from `minMs` up to `maxMs`. */
  retry?: { minMs: number; maxMs: number };
}

export interface EsmEmulator {
  /** Mappings with a running consumer. */
  running(): string[];
  stop(): Promise<void>;
}

const SIX_MB = 6 * 1024 * 1024;
const log = createLogger('lambda_connect.standalone.esm');

interface Runner {
  mapping: SinkMapping;
  consumer: Consumer;
  stopped: boolean;
  started: Promise<void>;
}

export function startEsmEmulator(options: EsmEmulatorOptions): EsmEmulator {
  const runners = new Map<string, Runner>();
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  const sync = (mappings: SinkMapping[]): Promise<void> => {
    chain = chain.then(async () => {
      if (closed) return;
      const wanted = new Map(mappings.filter((m) => m.enabled).map((m) => [m.uuid, m]));
      for (const [uuid, runner] of runners) {
        const m = wanted.get(uuid);
        if (m === undefined || m.batchSize !== runner.mapping.batchSize || m.batchingWindowSeconds !== runner.mapping.batchingWindowSeconds) {
          runners.delete(uuid);
          await stopRunner(runner);
        }
      }
      for (const [uuid, m] of wanted) if (!runners.has(uuid)) runners.set(uuid, startRunner(m, options));
    });
    return chain;
  };
  const unsubscribe = options.mappings.subscribe(sync);
  void sync(options.mappings.all());
  return {
    running: () => [...runners.keys()],
    async stop() {
      unsubscribe();
      closed = true;
      await chain;
      await Promise.all([...runners.values()].map(stopRunner));
      runners.clear();
    },
  };
}

function startRunner(mapping: SinkMapping, options: EsmEmulatorOptions): Runner {
  const kafka = createKafkaClient({ ...options.connection, clientId: `esm-${mapping.alias}` });
  // A short session: the mock cluster may not honour LeaveGroup, and the next member of the group
  // (a resumed mapping, or the KIP-875 offsets commit) waits for the old member's session to expire.
  const consumer = kafka.consumer({ groupId: mapping.groupId, maxWaitTimeInMs: Math.max(100, mapping.batchingWindowSeconds * 1000), sessionTimeout: 6_000, heartbeatInterval: 1_000, retry: { retries: 10 } });
  const runner: Runner = { mapping, consumer, stopped: false, started: Promise.resolve() };
  const invoke = invoker(mapping, options);
  const retry = options.retry ?? { minMs: 100, maxMs: 5_000 };
  const maxBytes = options.maxEventBytes ?? SIX_MB;
  runner.started = (async () => {
    await consumer.connect();
    await consumer.subscribe({ topic: mapping.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        for (const chunk of chunks(batch.messages, mapping.batchSize, maxBytes, (m) => toEmulated(batch.topic, batch.partition, m))) {
          let delay = retry.minMs;
          for (;;) {
            if (runner.stopped || !isRunning() || isStale()) return;
            try {
              await invoke(chunk);
              break;
            } catch (error) {
              log.warn(`Sink batch of ${mapping.topic}-${batch.partition} failed; retrying`, { error: (error as Error).message, mapping: mapping.uuid });
              await sleep(delay);
              delay = Math.min(retry.maxMs, delay * 2);
              await heartbeat().catch(() => undefined);
            }
          }
          const last = chunk[chunk.length - 1] as EmulatedMessage;
          resolveOffset(last.offset);
          await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(BigInt(last.offset) + 1n) }]);
          await heartbeat();
        }
      },
    });
  })().catch((error: unknown) => log.error(`The emulated event source mapping ${mapping.uuid} could not start`, { error }));
  return runner;
}

async function stopRunner(runner: Runner): Promise<void> {
  runner.stopped = true;
  // consumer.run() resolves only once the group is joined, which the mock cluster may hold up for a
  // whole session timeout: disconnect without waiting for it any longer than a moment.
  await Promise.race([runner.started, sleep(1_000)]);
  // Bounded too: a member the broker is still rebalancing may not get an answer to LeaveGroup.
  const disconnected = runner.consumer.disconnect().catch(() => undefined);
  if ((await Promise.race([disconnected.then(() => true), sleep(DISCONNECT_WAIT_MS).then(() => false)])) === false) {
    log.warn(`The consumer of mapping ${runner.mapping.uuid} did not disconnect within ${DISCONNECT_WAIT_MS} ms; left behind`);
  }
}

const DISCONNECT_WAIT_MS = 5_000;

function invoker(mapping: SinkMapping, options: EsmEmulatorOptions): (messages: EmulatedMessage[]) => Promise<void> {
  const functionName = options.functionName ?? 'sink-task';
  const region = options.region ?? 'local';
  const source: EventSourceOptions = { bootstrapServers: options.source?.bootstrapServers ?? options.connection.brokers, ...(options.source?.clusterArn ? { clusterArn: options.source.clusterArn } : {}) };
  return async (messages) => {
    const context = createLambdaContext({ functionName, awsRequestId: randomUUID(), timeoutMs: 14 * 60_000, region, accountId: '000000000000' });
    context.invokedFunctionArn = `${context.invokedFunctionArn}:${mapping.alias}`;
    context.functionVersion = '$LATEST';
    await options.handler(kafkaEvent(messages, source), context);
  };
}

/** Splits a partition's messages into events of at most `size` records and `maxBytes` bytes. */
export function* chunks<T>(messages: readonly KafkaMessage[], size: number, maxBytes: number, convert: (m: KafkaMessage) => T & EmulatedMessage): Generator<(T & EmulatedMessage)[]> {
  let current: (T & EmulatedMessage)[] = [];
  let bytes = 0;
  for (const message of messages) {
    const m = convert(message);
    const b = eventBytes(m);
    if (current.length > 0 && (current.length >= size || bytes + b > maxBytes)) {
      yield current;
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += b;
  }
  if (current.length > 0) yield current;
}

function toEmulated(topic: string, partition: number, m: KafkaMessage): EmulatedMessage {
  return { topic, partition, offset: m.offset, timestamp: m.timestamp, key: m.key ?? null, value: m.value ?? null, headers: m.headers ?? {}, logAppendTime: (m.attributes & 0x08) !== 0 };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
