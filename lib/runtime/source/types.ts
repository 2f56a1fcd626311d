/**
 * What a source task invocation is given and what it reports. One invocation runs one bounded
 * polling window of one task (see docs/source-tasks.md); the dispatcher starts them, and a busy
 * window starts its own successor.
 */
import type { ConfigResolver } from '#lib/config-providers/types';
import type { Logger } from '#lib/logging/logger';
import type { MetricsPort } from '#lib/metrics/metrics-port';
import type { ProducerPort } from '#lib/kafka/producer-port';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import type { TaskRecovery } from '#lib/runtime/restart/task-recovery';
import type { RunnerStores } from '#lib/store/types';
import type { Clock } from './clock';
import type { TaskInvoker } from './task-invoker';

/** The event of one task invocation (the source-task function's payload). */
export interface SourceTaskInvocation {
  connector: string;
  taskId: number;
  /** The connector generation the dispatcher saw; a window of an older generation does nothing. */
  generation: number;
}

/** About the invocation itself, from the Lambda context (or standalone mode's equivalent). */
export interface InvocationContext {
  /** Unique per invocation (Lambda's request id, reused by Lambda's own retries): the lease owner. */
  invocationId: string;
  /** Reported as the task's `worker_id`, e.g. `<function name>/<request id>`. */
  workerId: string;
  /** Time left before the invocation is killed, measured when the window starts. */
  remainingTimeMs: number;
  /** Aborted on shutdown (standalone SIGINT): the window ends after its current batch. */
  signal?: AbortSignal;
}

/** Where crash injection can strike: after a poll, after Kafka acknowledged a batch, after an offset commit. */
export type WindowPhase = 'after-poll' | 'after-produce' | 'after-commit';

export interface PhaseInfo {
  connector: string;
  taskId: number;
  invocationId: string;
  /** 1 for the window's first batch. */
  batch: number;
}

/** Test hooks. A hook that throws SimulatedCrash kills the invocation without any cleanup. */
export interface SourceWindowHooks {
  onPhase?(phase: WindowPhase, info: PhaseInfo): void | Promise<void>;
}

/** Creates the topics of KIP-158 (`topic.creation.*`) before the first record goes to them. */
export interface TopicCreator {
  ensureTopics(topics: readonly string[]): Promise<void>;
}

/** One TopicCreator per window, for the connector config the window runs. */
export type TopicCreatorFactory = (connectorConfig: Readonly<Record<string, string>>) => TopicCreator;

export interface SourceRuntimeSettings {
  /** Kafka's worker `offset.flush.interval.ms`: commit offsets at most this often (and at window end). */
  offsetFlushIntervalMs: number;
  /** How long a lease lives without renewal; renewed at commits and at batch boundaries. */
  leaseTtlMs: number;
  /** Polling stops this long before the invocation's deadline, to finish the batch and close. */
  safetyMarginMs: number;
  /** Kafka's `topic.tracking.enable`. */
  topicTrackingEnabled: boolean;
  /** The worker's `key.converter` / `value.converter` / `header.converter` settings. */
  workerConverters?: Readonly<Record<string, string>>;
}

export interface SourceWindowDeps {
  stores: Pick<RunnerStores, 'configs' | 'statuses' | 'offsets' | 'topics' | 'leases'>;
  registry: PluginRegistry;
  producer: ProducerPort;
  settings: SourceRuntimeSettings;
  /** Starts the next window of a busy task; without one, windows never chain. */
  invoker?: TaskInvoker;
  /** Resolves `${provider:path:key}` references of the connector and task configs as the task starts. */
  configResolver?: ConfigResolver;
  /** Without one, topics are left to the broker's auto-creation. */
  topicCreation?: TopicCreatorFactory;
  clock?: Clock;
  random?: () => number;
  hooks?: SourceWindowHooks;
  log?: Logger;
  /**
   * Automatic recovery (restart executions). With it, a window that gave up on a retriable failure
   * (a broker unreachable for the whole window) marks the task FAILED and hands the failure over, so
   * the task is restarted with backoff; without it, such a window ends cleanly, the task stays
   * RUNNING and the next schedule tick tries again. Every FAILED task is handed over (only
   * retriable failures are restarted).
   */
  recovery?: TaskRecovery;
  /** Each window's counts, flushed once when it ends (not for skipped windows). */
  metrics?: MetricsPort;
}

/**
 * - `skipped`: nothing ran (connector gone or not STARTED, generation moved on, unknown task, not a
 *   source, task FAILED, or another invocation holds the lease: `lease-held`).
 * - `completed`: the window ended cleanly (`time`, `idle`, `shutdown`, or `retries-exhausted` when a
 *   retriable failure outlasted the window).
 * - `stopped`: the connector changed under the window (`state-changed`, `deleted`); nothing committed.
 * - `fenced`: this invocation was a zombie (`lease-lost`, `offsets-fenced`); it committed nothing
 *   and touched no status.
 * - `failed`: the task failed; its status is FAILED with the stack trace.
 */
export type WindowOutcome = 'skipped' | 'completed' | 'stopped' | 'fenced' | 'failed';

export type SkipReason = 'deleted' | 'not-started' | 'generation-moved-on' | 'unknown-task' | 'not-a-source' | 'task-failed' | 'lease-held';
export type EndReason = 'time' | 'idle' | 'shutdown' | 'retries-exhausted';
export type StopReason = 'state-changed' | 'deleted';
export type FenceReason = 'lease-lost' | 'offsets-fenced';

export interface SourceWindowSummary {
  connector: string;
  taskId: number;
  generation: number;
  outcome: WindowOutcome;
  reason: SkipReason | EndReason | StopReason | FenceReason | 'error';
  /** The lease epoch the window ran under. */
  epoch?: number;
  batches: number;
  polled: number;
  produced: number;
  /** Records that failed and were skipped under `errors.tolerance=all`. */
  failed: number;
  /** The failed records written to the dead letter queue. */
  deadLettered: number;
  commits: number;
  /** A successor invocation was started (busy task, or a new generation to pick up). */
  continued: boolean;
  durationMs: number;
}
