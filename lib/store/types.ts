/**
 * Ports for everything Kafka Connect keeps in its internal topics (`connect-configs`, `connect-status`,
 * `connect-offsets`), plus topic tracking and logger levels. Adapters: `dynamodb/` (the product) and
 * `memory/` (unit tests). One contract suite (`test/contracts/`) runs against every adapter.
 *
 * Adapters translate backend errors into the domain errors of `lib/errors.ts`: a failed condition
 * becomes AlreadyExistsError / ConflictError / NotFoundError, throttling or an unreachable backend
 * becomes StoreUnavailableError. No SDK type leaks through these interfaces.
 */

/** Kafka's TargetState: what the user asked the connector to be. */
export type TargetState = 'STARTED' | 'PAUSED' | 'STOPPED';

/** Kafka's AbstractStatus.State, minus DESTROYED (a deleted status is simply absent). */
export type State = 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'RESTARTING' | 'STOPPED';

/** One connector: its config, target state and generated task configs, kept in one item so that
 *  they change together atomically (DynamoDB has no cross-item atomicity we can rely on locally). */
export interface ConnectorRecord {
  name: string;
  /** The raw config as submitted (strings only, including `name`); never resolved or masked. */
  config: Record<string, string>;
  targetState: TargetState;
  /** Task configs from the connector's taskConfigs(tasks.max); index = task id. Empty when STOPPED. */
  taskConfigs: Record<string, string>[];
  /** Bumped by every write; callers pass it back for optimistic concurrency. */
  version: number;
  /** Bumped whenever running task invocations must be fenced (config change, restart, pause, stop). */
  generation: number;
  /** Random per creation: status and topic items of a deleted namesake carry another incarnation. */
  incarnation: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewConnector {
  name: string;
  config: Record<string, string>;
  targetState: TargetState;
  taskConfigs: Record<string, string>[];
}

export type ConnectorChanges = Partial<Pick<ConnectorRecord, 'config' | 'targetState' | 'taskConfigs'>> & {
  /** Increment the generation by one (fences running invocations). */
  bumpGeneration?: boolean;
};

export interface UpdateOptions {
  /** Only apply if the stored version still equals this; otherwise ConflictError. */
  expectedVersion?: number;
}

export interface ConfigStore {
  get(name: string): Promise<ConnectorRecord | undefined>;
  /** Every connector, sorted by name. */
  list(): Promise<ConnectorRecord[]>;
  /** Creates the connector with version 1 and generation 1; AlreadyExistsError if the name is taken. */
  create(connector: NewConnector): Promise<ConnectorRecord>;
  /** Applies the changes to an existing connector and bumps `version`. NotFoundError if it does not
   *  exist (so a write racing a delete never resurrects it); ConflictError on a version mismatch. */
  update(name: string, changes: ConnectorChanges, options?: UpdateOptions): Promise<ConnectorRecord>;
  /** Deletes the connector; false if there was nothing to delete. */
  delete(name: string): Promise<boolean>;
}

/** A status of the connector (taskId undefined) or of one of its tasks. */
export interface StatusRecord {
  connector: string;
  taskId?: number;
  state: State;
  /** Stack trace text of a FAILED state; absent otherwise. */
  trace?: string;
  workerId: string | null;
  /** Incarnation of the connector this status belongs to (see ConnectorRecord.incarnation). */
  incarnation: string;
  generation: number;
  updatedAt: string;
  /** Extra fields that Kafka clients ignore (e.g. restart attempts), rendered as-is by the REST API. */
  extra?: Record<string, unknown>;
}

export interface ConnectorStatuses {
  connector?: StatusRecord;
  /** Sorted by task id. */
  tasks: StatusRecord[];
}

export interface StatusStore {
  put(status: StatusRecord): Promise<void>;
  putMany(statuses: StatusRecord[]): Promise<void>;
  get(connector: string): Promise<ConnectorStatuses>;
  getTask(connector: string, taskId: number): Promise<StatusRecord | undefined>;
  /** Removes the task statuses with id >= fromTaskId (after tasks.max shrank). */
  deleteTasks(connector: string, fromTaskId: number): Promise<void>;
  /** Removes the connector's and all its tasks' statuses. */
  deleteAll(connector: string): Promise<void>;
}

/** A source partition and its offset, both connector-defined maps of primitives (Kafka's
 *  `Map<String, ?>`). For sink connectors the partition is `{kafka_topic, kafka_partition}` and
 *  the offset `{kafka_offset}`. Values are JSON values; an integer beyond Number's safe range may be
 *  passed as a bigint and is always returned as one (ordinary integers come back as numbers). Two
 *  partitions with the same entries in another key order are the same partition. */
export interface OffsetEntry {
  partition: Record<string, unknown>;
  offset: Record<string, unknown>;
}

export interface OffsetStore {
  /** All stored offsets of a connector, ordered by their partition's canonical JSON. Offsets outlive the connector, as in Kafka. */
  list(connector: string): Promise<OffsetEntry[]>;
  get(connector: string, partition: Record<string, unknown>): Promise<Record<string, unknown> | undefined>;
  /** Writes offsets; an entry whose offset is null deletes that partition's offset. */
  put(connector: string, entries: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[]): Promise<void>;
  deleteAll(connector: string): Promise<void>;
}

export interface TopicStore {
  /** Records that the connector used these topics (KIP-558); idempotent. */
  add(connector: string, topics: string[]): Promise<void>;
  /** Sorted topic names. */
  list(connector: string): Promise<string[]>;
  reset(connector: string): Promise<void>;
}

export interface LoggerLevelRecord {
  level: string;
  /** Epoch millis of the last change through the REST API, or null. */
  lastModified: number | null;
}

/** Logger levels set through `/admin/loggers`, shared by every function instance. */
export interface LoggerStore {
  all(): Promise<Record<string, LoggerLevelRecord>>;
  put(name: string, record: LoggerLevelRecord): Promise<void>;
}

export interface Stores {
  configs: ConfigStore;
  statuses: StatusStore;
  offsets: OffsetStore;
  topics: TopicStore;
  loggers: LoggerStore;
}

/**
 * One task invocation's claim on one task (Kafka's task assignment, made explicit): at most one live
 * lease per task. Times are epoch milliseconds of the caller's clock.
 */
export interface TaskLease {
  connector: string;
  taskId: number;
  /** The invocation holding the lease (e.g. a Lambda request id). */
  owner: string;
  /** Fencing token: incremented by every acquisition and never reused for the task, so a
   *  later holder always has a larger epoch than every earlier one. */
  epoch: number;
  /** The connector generation the owner runs. */
  generation: number;
  expiresAt: number;
}

export interface LeaseRequest {
  connector: string;
  taskId: number;
  owner: string;
  generation: number;
  now: number;
  ttlMs: number;
}

/**
 * Per-task leases, each one conditional write on one item. Lease items outlive their connector, so
 * epochs keep growing across a delete and re-create of the same name.
 */
export interface TaskLeaseStore {
  /** Takes the lease if it is free, expired (`expiresAt <= now`) or already `owner`'s, and bumps the
   *  epoch; undefined while another owner holds a live lease. */
  acquire(request: LeaseRequest): Promise<TaskLease | undefined>;
  /** Extends the lease to `now + ttlMs` if owner and epoch still match (also after expiry, as long
   *  as nobody took it over); undefined when the lease was lost. */
  renew(lease: TaskLease, now: number, ttlMs: number): Promise<TaskLease | undefined>;
  /** Ends the lease at once (the next acquire succeeds) if owner and epoch still match; false when it
   *  was lost. The epoch is kept. */
  release(lease: TaskLease): Promise<boolean>;
  get(connector: string, taskId: number): Promise<TaskLease | undefined>;
}

/** Who committed an offset. Fences of one incarnation are ordered by generation, then epoch. */
export interface OffsetFence {
  incarnation: string;
  generation: number;
  epoch: number;
}

/** Offset writes of source task invocations, on the same items as `OffsetStore`. */
export interface FencedOffsetStore {
  /**
   * Writes each entry and stores `fence` with it, unless the stored item carries a newer fence of the
   * same incarnation. Resolves with the partitions that were rejected (empty: all written). Each
   * entry is its own conditional write. An unfenced `OffsetStore.put` (the REST offsets API) clears
   * the fence of the partitions it writes, so it is never rejected and never rejects.
   */
  putFenced(connector: string, entries: OffsetEntry[], fence: OffsetFence): Promise<Record<string, unknown>[]>;
}

/** Status writes of task invocations, which must never overwrite what a newer generation wrote. */
export interface GuardedStatusStore {
  /** Writes the status unless the stored one has the same incarnation and a newer generation
   *  (another incarnation's status is always replaced); false when skipped. `keep`: also skip when
   *  the stored one has the same incarnation and generation and one of these states (a status
   *  inferred from enabled work never replaces what a runner reported for that generation). */
  putUnlessNewer(status: StatusRecord, options?: { keep?: readonly State[] }): Promise<boolean>;
}

/** The stores task runners use: the REST-facing ones plus leases, fenced offsets and guarded statuses. */
export interface RunnerStores extends Stores {
  offsets: OffsetStore & FencedOffsetStore;
  statuses: StatusStore & GuardedStatusStore;
  leases: TaskLeaseStore;
}
