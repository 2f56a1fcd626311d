/**
 * A SinkTaskContext for sink task tests: records the timeouts a task asks for and, when given an
 * errant record reporter, what it reports; plus `sinkRecord` to build consumed records.
 */
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { SinkRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import type { ErrantRecordReporter, SinkTaskContext } from '#lib/plugin/sink-task';

export interface Reported {
  record: SinkRecord;
  error: unknown;
}

export interface TestSinkTaskContext extends SinkTaskContext {
  readonly timeouts: number[];
  /** What the reporter received; empty when the context has no reporter. */
  readonly reported: Reported[];
}

export interface SinkContextOptions {
  configs?: Record<string, string>;
  /** Give the task an errant record reporter (Kafka's rule: a DLQ topic or errors.log.enable). */
  withReporter?: boolean;
  /** Make `report` fail, as with errors.tolerance=none. */
  reportFails?: boolean;
}

export function sinkTaskContext(options: SinkContextOptions = {}): TestSinkTaskContext {
  const timeouts: number[] = [];
  const reported: Reported[] = [];
  const reporter: ErrantRecordReporter = {
    async report(record, error) {
      if (options.reportFails) throw new Error('Tolerance exceeded in error handler');
      reported.push({ record, error });
    },
  };
  return {
    timeouts,
    reported,
    configs: () => options.configs ?? {},
    errantRecordReporter: () => (options.withReporter ? reporter : null),
    timeout: (ms) => void timeouts.push(ms),
    offset: () => undefined,
    assignment: () => [],
    pause: () => undefined,
    resume: () => undefined,
    requestCommit: () => undefined,
  };
}

export interface RecordParts {
  topic?: string;
  partition?: number;
  offset?: bigint | number;
  keySchema?: Schema | null;
  key?: unknown;
  valueSchema?: Schema | null;
  value?: unknown;
  timestamp?: number | null;
}

/** A consumed record; offsets count up from 0 per call site unless given. */
export function sinkRecord(parts: RecordParts): SinkRecord {
  const topic = parts.topic ?? 'topic';
  const partition = parts.partition ?? 0;
  const offset = BigInt(parts.offset ?? 0);
  return {
    topic,
    kafkaPartition: partition,
    keySchema: parts.keySchema ?? null,
    key: parts.key ?? null,
    valueSchema: parts.valueSchema ?? null,
    value: parts.value === undefined ? null : parts.value,
    timestamp: parts.timestamp === undefined ? 1_700_000_000_000 : parts.timestamp,
    headers: new ConnectHeaders(),
    kafkaOffset: offset,
    timestampType: 'CREATE_TIME',
    originalTopic: topic,
    originalKafkaPartition: partition,
    originalKafkaOffset: offset,
  };
}
