/**
 * Drives a JdbcSourceTask the way the source runner does (initialize, start, poll, stop) against
 * the test database, with offsets committed in memory.
 */
import { afterEach } from 'vitest';
import { jdbcSourceDescriptor } from '#lib/connectors/jdbc/jdbc-source-connector';
import type { SourceRecord } from '#lib/data/connect-record';
import type { Struct } from '#lib/data/struct';
import type { SourceTask } from '#lib/plugin/source-task';
import { taskContext, type TestTaskContext } from '#test/unit/connectors/task-context';

export interface RunningTask {
  task: SourceTask;
  context: TestTaskContext;
  /** Polls until a poll returns nothing (or `maxPolls`), returning every record. */
  pollAll(maxPolls?: number): Promise<SourceRecord[]>;
  /** Commits the offsets of records, as the runner does once Kafka acknowledged them. */
  commit(records: readonly SourceRecord[]): void;
}

const started: SourceTask[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((t) => t.stop()));
});

export function startTask(props: Record<string, string>, context: TestTaskContext = taskContext()): RunningTask {
  const task = jdbcSourceDescriptor.createTask();
  task.initialize(context);
  task.start(props);
  started.push(task);
  return {
    task,
    context,
    async pollAll(maxPolls = 50) {
      const records: SourceRecord[] = [];
      for (let i = 0; i < maxPolls; i++) {
        const batch = await task.poll();
        if (batch === null || batch.length === 0) break;
        records.push(...batch);
      }
      return records;
    },
    commit(records) {
      for (const r of records) if (r.sourcePartition && r.sourceOffset) context.commit(r.sourcePartition, r.sourceOffset);
    },
  };
}

/** Field values of struct records, e.g. ids. */
export function fieldOf(records: readonly SourceRecord[], field: string): unknown[] {
  return records.map((r) => (r.value as Struct).get(field));
}
