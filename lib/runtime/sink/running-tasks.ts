/**
 * Sink tasks kept alive per container between batches, as a Kafka worker keeps its tasks: one
 * instance per (connector, task id), started once (`initialize`, `start`) and replaced when the
 * connector's incarnation or generation moves on (config change, restart). Calls into one task are
 * serialised (`withTask`), because a container may get batches of two partitions of one task at
 * once in standalone mode.
 */
import type { Logger } from '#lib/logging/logger';
import type { SinkTask } from '#lib/plugin/sink-task';
import type { ConfiguredSinkPipeline } from '#lib/runtime/pipeline/create-sink-pipeline';
import type { FlushedRange } from './deliver-batch';
import type { SinkTaskContextState } from './sink-task-context';

export interface RunningSinkTask {
  readonly connector: string;
  readonly taskId: number;
  readonly incarnation: string;
  readonly generation: number;
  readonly task: SinkTask;
  readonly pipeline: ConfiguredSinkPipeline;
  readonly context: SinkTaskContextState;
  /** A batch of this task failed retriably and no batch succeeded since (status has `retrying_since`). */
  retrying: boolean;
  /** Per partition key, the last delivery's first offset and the offset up to which it was flushed (deliver-batch.ts). */
  flushed?: Map<string, FlushedRange> | undefined;
}

export interface RunningTasks {
  /** Runs `fn` with the task for this incarnation and generation, starting it with `start` if needed. */
  withTask<T>(key: TaskKey, start: () => Promise<RunningSinkTask>, fn: (task: RunningSinkTask) => Promise<T>): Promise<T>;
  /** Stops and forgets a task (after it failed). */
  discard(connector: string, taskId: number): Promise<void>;
  /** Stops every task (standalone shutdown). */
  stopAll(): Promise<void>;
}

export interface TaskKey {
  connector: string;
  taskId: number;
  incarnation: string;
  generation: number;
}

interface Slot {
  running?: RunningSinkTask;
  queue: Promise<unknown>;
}

export function createRunningTasks(log: Logger): RunningTasks {
  const slots = new Map<string, Slot>();
  const slotOf = (connector: string, taskId: number): Slot => {
    const id = `${connector}\u0000${taskId}`;
    let slot = slots.get(id);
    if (!slot) slots.set(id, (slot = { queue: Promise.resolve() }));
    return slot;
  };
  const stop = async (slot: Slot): Promise<void> => {
    const running = slot.running;
    slot.running = undefined;
    if (running) await stopTask(running, log);
  };
  const serialised = <T>(slot: Slot, fn: () => Promise<T>): Promise<T> => {
    const next = slot.queue.then(fn, fn);
    slot.queue = next.catch(() => undefined);
    return next;
  };
  return {
    withTask(key, start, fn) {
      const slot = slotOf(key.connector, key.taskId);
      return serialised(slot, async () => {
        const current = slot.running;
        if (current && (current.incarnation !== key.incarnation || current.generation !== key.generation)) await stop(slot);
        slot.running ??= await start();
        return fn(slot.running);
      });
    },
    discard(connector, taskId) {
      const slot = slotOf(connector, taskId);
      return serialised(slot, () => stop(slot));
    },
    async stopAll() {
      await Promise.all([...slots.values()].map((slot) => serialised(slot, () => stop(slot))));
    },
  };
}

async function stopTask(running: RunningSinkTask, log: Logger): Promise<void> {
  try {
    await running.task.close?.([...running.context.assigned.values()]);
    await running.task.stop();
  } catch (error) {
    log.warn(`Stopping sink task ${running.connector}-${running.taskId} failed`, { error });
  } finally {
    running.pipeline.close();
  }
}
