/**
 * What a sink-task invocation is given and what it reports. One invocation handles one batch that
 * an event source mapping (ESM) polled for one sink connector (see docs/sink-tasks.md): records of
 * one or more partitions of the mapping's topic, in offset order per partition.
 */
import type { ConfigResolver } from '#lib/config-providers/types';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { Logger } from '#lib/logging/logger';
import type { ProducerPort } from '#lib/kafka/producer-port';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import type { TaskRecovery } from '#lib/runtime/restart/task-recovery';
import type { RunnerStores } from '#lib/store/types';

/** The records of one topic partition in a batch, in offset order. */
export interface PartitionBatch {
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly ConsumerRecord[];
}

/** A decoded Kafka ESM event. */
export interface SinkBatch {
  readonly source: 'msk' | 'self-managed';
  readonly partitions: readonly PartitionBatch[];
}

export interface SinkInvocationContext {
  /** The alias the ESM invoked (the qualifier of the invoked function ARN): names the connector. */
  alias: string | undefined;
  invocationId: string;
  /** Reported as the task's `worker_id`. */
  workerId: string;
  remainingTimeMs: number;
}

export type SinkSkipReason = 'unknown-alias' | 'deleted' | 'not-started' | 'not-a-sink' | 'task-failed';

/** What the handler returns on success (the ESM then commits the batch's offsets). */
export interface SinkBatchSummary {
  connector: string | null;
  outcome: 'completed' | 'empty';
  records: number;
  put: number;
  filtered: number;
  failed: number;
  /** Next offset per partition key `<topic>-<partition>`, as recorded. */
  offsets: Record<string, string>;
}

export interface SinkRuntimeSettings {
  /** The worker's converter settings (`key.converter`, …) when they differ from the defaults. */
  workerConverters?: Readonly<Record<string, string>>;
}

/** Stops the connector's mappings when a task fails for good (the herder's hook does the rest). */
export interface SinkMappingControl {
  disable(connector: string): Promise<void>;
}

export interface SinkRuntimeDeps {
  stores: RunnerStores;
  registry: PluginRegistry;
  /** For the DLQ (errors.deadletterqueue.topic.name); absent: a DLQ config fails the task. */
  producer?: ProducerPort;
  mappings?: SinkMappingControl;
  /** Automatic recovery (when restarts run as executions): told about every task that went FAILED. */
  recovery?: TaskRecovery;
  settings: SinkRuntimeSettings;
  log: Logger;
  clock?: { now(): number };
  /** Resolves `${provider:path:key}` references of the connector and task configs as the task starts. */
  configResolver?: ConfigResolver;
}
