/**
 * The data-plane side of connector plugins: source and sink connectors whose descriptors create
 * their tasks. Extends the control-plane `Connector` contract (types.ts) without changing it.
 *
 * A connector's `taskConfigs(maxTasks)` produces one config per task; the runner creates each task
 * with `descriptor.createTask()` (Kafka instantiates `task.class`) and drives it as described in
 * source-task.ts / sink-task.ts. Converters, transformations, batching and error handling wrap the
 * task in the runtime; a task only sees Connect records.
 */
import type { Connector, ConnectorDescriptor } from './types';
import type { SinkTask } from './sink-task';
import type { SourceTask } from './source-task';

export type { ConsumerRecord } from '#lib/kafka/consumer-record';
export type { RecordMetadata } from '#lib/kafka/producer-port';
export type { OffsetAndMetadata, TopicPartition } from '#lib/kafka/topic-partition';
export type { ErrantRecordReporter, PartitionOffsets, SinkTask, SinkTaskContext } from './sink-task';
export type { OffsetStorageReader, SourceTask, SourceTaskContext } from './source-task';

/** Kafka's `ExactlyOnceSupport` and `ConnectorTransactionBoundaries` values. */
export type ExactlyOnceSupport = 'SUPPORTED' | 'UNSUPPORTED';
export type ConnectorTransactionBoundaries = 'SUPPORTED' | 'UNSUPPORTED';

export interface SourceConnector extends Connector {
  /** May be called before `start`. Absent or null: the connector cannot guarantee exactly-once. */
  exactlyOnceSupport?(connectorConfig: Record<string, string>): ExactlyOnceSupport | null;
  /** Called before `start` only with `transaction.boundary=connector`. Absent: UNSUPPORTED. */
  canDefineTransactionBoundaries?(connectorConfig: Record<string, string>): ConnectorTransactionBoundaries;
}

export type SinkConnector = Connector;

/** A Task is either kind; both have `version`, `start` and `stop`. */
export type Task = SourceTask | SinkTask;

export interface SourceConnectorDescriptor extends ConnectorDescriptor {
  readonly type: 'source';
  create(): SourceConnector;
  /** A fresh, uninitialised task instance. */
  createTask(): SourceTask;
}

export interface SinkConnectorDescriptor extends ConnectorDescriptor {
  readonly type: 'sink';
  create(): SinkConnector;
  createTask(): SinkTask;
}

/** Whether a connector plugin can run tasks (control-plane-only plugins cannot). */
export function hasTaskFactory(descriptor: ConnectorDescriptor): descriptor is SourceConnectorDescriptor | SinkConnectorDescriptor {
  return typeof (descriptor as Partial<SourceConnectorDescriptor>).createTask === 'function';
}

export function isSourceConnectorDescriptor(descriptor: ConnectorDescriptor): descriptor is SourceConnectorDescriptor {
  return descriptor.type === 'source' && hasTaskFactory(descriptor);
}

export function isSinkConnectorDescriptor(descriptor: ConnectorDescriptor): descriptor is SinkConnectorDescriptor {
  return descriptor.type === 'sink' && hasTaskFactory(descriptor);
}
