/**
 * Starting the task of a claimed window, as Kafka's WorkerSourceTask does: a fresh task instance
 * from the connector's descriptor, its pipeline (transformations, converters, error handling with
 * the DLQ on the same producer), `initialize(context)`, `start(taskConfig)`, then status RUNNING
 * with this invocation as the worker. Throws what the task throws (the window then fails it).
 * The RUNNING write overlaps the first poll (often the task's offset read): the first batch is
 * converted and sent only once it succeeded (`taskRunning` in pollBatch), and every end of the
 * window waits for it first, so a FAILED status never lands before it.
 * Pipeline and task get their configs with `${...}` references resolved (KIP-297), in this window
 * only; a provider that fails fails the start.
 */
import type { SourceConnectorDescriptor } from '#lib/plugin/task-types';
import { createSourcePipeline } from '#lib/runtime/pipeline/create-source-pipeline';
import { createSourceTaskContext } from './task-context';
import { publishTaskStatus } from './task-status';
import type { SourceWindow } from './window';

export async function startTask(w: SourceWindow): Promise<void> {
  const { registry, producer, settings, stores, clock, random } = w.deps;
  const { connector, taskId } = w.invocation;
  const resolve = async (config: Record<string, string>) => (w.deps.configResolver ? w.deps.configResolver.resolve(config) : config);
  const connectorConfig = await resolve(w.record.config);
  const taskConfig = await resolve(w.record.taskConfigs[taskId] ?? {});
  const descriptor = registry.connector(w.record.config['connector.class'] ?? '') as SourceConnectorDescriptor;
  w.pipeline = createSourcePipeline(connectorConfig, {
    registry,
    connectorName: connector,
    taskId,
    producer,
    clock: clock.now,
    random,
    ...(settings.workerConverters === undefined ? {} : { workerDefaults: settings.workerConverters }),
  });
  const task = descriptor.createTask();
  w.task = task;
  task.initialize(createSourceTaskContext(connector, taskConfig, stores.offsets));
  await task.start({ ...taskConfig });
  const running = publishTaskStatus(w, 'RUNNING');
  running.catch(() => undefined); // awaited by taskRunning
  w.running = running;
}

/** Waits for the RUNNING write of startTask, once; rejects as that write did. */
export async function taskRunning(w: SourceWindow): Promise<void> {
  const running = w.running;
  w.running = undefined;
  await running;
}
