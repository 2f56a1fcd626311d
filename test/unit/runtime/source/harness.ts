/**
 * Source windows over the real memory stores, the real herder, plugin registry and pipeline, with a
 * fake producer, a recording invoker and a manual clock (time moves only when the code sleeps or a
 * test advances it; by default every poll of the counting task costs one second).
 */
import { RetriableError } from '#lib/errors';
import { createHerder } from '#lib/herder/herder';
import type { Herder } from '#lib/herder/types';
import type { Logger } from '#lib/logging/logger';
import type { ProducerPort, ProducerRecord, RecordMetadata } from '#lib/kafka/producer-port';
import { createConnectorPlugins } from '#lib/plugin/connector-plugins';
import { runSourceWindow } from '#lib/runtime/source/run-source-window';
import type { TaskInvoker } from '#lib/runtime/source/task-invoker';
import type { InvocationContext, SourceRuntimeSettings, SourceTaskInvocation, SourceWindowDeps, SourceWindowSummary } from '#lib/runtime/source/types';
import { createMemoryStores } from '#lib/store/memory/index';
import type { RunnerStores } from '#lib/store/types';
import { COUNTING_SOURCE, countingBehaviour, type CountingBehaviour } from './fixtures/counting-source';
import { runtimeTestRegistry } from './fixtures/registry';

export const silentLog: Logger = { name: 'test', trace() {}, debug() {}, info() {}, warn() {}, error() {} };
export const START = 1_700_000_000_000;

export interface ManualClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  readonly sleeps: number[];
}

export function manualClock(start = START): ManualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => void (now += ms),
    sleeps,
  };
}

export interface FakeProducer extends ProducerPort {
  readonly sent: ProducerRecord[];
  /** The next `times` sends fail with this error (default: a RetriableError). */
  failNext(times: number, error?: Error): void;
}

export function fakeProducer(): FakeProducer {
  const sent: ProducerRecord[] = [];
  let failures: Error[] = [];
  const offsets = new Map<string, bigint>();
  return {
    sent,
    failNext(times, error = new RetriableError('broker unavailable')) {
      failures = Array.from({ length: times }, () => error);
    },
    async send(records) {
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push(...records);
      return records.map((r): RecordMetadata => {
        const key = `${r.topic}/${r.partition ?? 0}`;
        const offset = offsets.get(key) ?? 0n;
        offsets.set(key, offset + 1n);
        return { topic: r.topic, partition: r.partition ?? 0, offset, timestamp: r.timestamp ?? -1 };
      });
    },
  };
}

export interface RecordingInvoker extends TaskInvoker {
  readonly invoked: SourceTaskInvocation[];
}

export function recordingInvoker(): RecordingInvoker {
  const invoked: SourceTaskInvocation[] = [];
  return { invoked, invokeSourceTask: async (invocation) => void invoked.push(invocation) };
}

export interface Harness {
  stores: RunnerStores;
  herder: Herder;
  producer: FakeProducer;
  invoker: RecordingInvoker;
  clock: ManualClock;
  deps: SourceWindowDeps;
  /** Creates a RUNNING counting source through the herder; each poll of its tasks costs one second. */
  create(name: string, config?: Record<string, string>): Promise<CountingBehaviour>;
  /** One window of task 0 (or the given task) at the connector's current generation. */
  run(name: string, options?: { taskId?: number; generation?: number; context?: Partial<InvocationContext> }): Promise<SourceWindowSummary>;
}

export function harness(settings: Partial<SourceRuntimeSettings> = {}): Harness {
  const stores = createMemoryStores();
  const registry = runtimeTestRegistry();
  const herder = createHerder({
    stores,
    plugins: createConnectorPlugins(registry),
    settings: { workerId: 'worker:8083', topicTrackingEnabled: true, topicTrackingAllowReset: true },
    serverInfo: async () => ({ version: '3.9.0', commit: 'test', kafka_cluster_id: null }),
    log: silentLog,
  });
  const producer = fakeProducer();
  const invoker = recordingInvoker();
  const clock = manualClock();
  const deps: SourceWindowDeps = {
    stores,
    registry,
    producer,
    invoker,
    clock,
    random: () => 0.5,
    log: silentLog,
    settings: { offsetFlushIntervalMs: 0, leaseTtlMs: 30_000, safetyMarginMs: 10_000, topicTrackingEnabled: true, ...settings },
  };
  let invocations = 0;
  return {
    stores,
    herder,
    producer,
    invoker,
    clock,
    deps,
    async create(name, config = {}) {
      const behaviour = countingBehaviour(name);
      behaviour.beforePoll = () => clock.advance(1_000);
      await herder.createConnector(name, { 'connector.class': COUNTING_SOURCE, topic: `${name}-rows`, 'tasks.max': '1', 'poll.window.ms': '5000', ...config });
      return behaviour;
    },
    async run(name, options = {}) {
      const record = await stores.configs.get(name);
      invocations += 1;
      const invocationId = options.context?.invocationId ?? `inv-${invocations}`;
      const invocation = { connector: name, taskId: options.taskId ?? 0, generation: options.generation ?? record?.generation ?? 1 };
      return runSourceWindow(deps, invocation, { invocationId, workerId: `source-task/${invocationId}`, remainingTimeMs: 900_000, ...options.context });
    },
  };
}

let names = 0;
/** A connector name no other test uses (behaviours are kept per name). */
export function uniqueName(prefix = 'counter'): string {
  names += 1;
  return `${prefix}-${names}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The `id` field of each produced value, parsed from JsonConverter's envelope. */
export function producedIds(records: readonly ProducerRecord[]): number[] {
  return records.map((r) => (JSON.parse(Buffer.from(r.value ?? new Uint8Array()).toString()) as { payload: { id: number } }).payload.id);
}
