/**
 * Starting a sink task as Kafka's WorkerSinkTask does: a fresh instance from the connector's
 * descriptor, its pipeline (converters, transformations, `errors.*` with the DLQ on the runtime's
 * producer), `initialize(context)`, `start(taskConfig)`, then status RUNNING for this worker.
 * Pipeline and task get their configs with `${...}` references resolved (KIP-297); a provider that
 * fails fails the start. The resolved configs live only in this instance.
 */
import type { SinkConnectorDescriptor } from '#lib/plugin/task-types';
import { createSinkPipeline } from '#lib/runtime/pipeline/create-sink-pipeline';
import type { ConnectorRecord } from '#lib/store/types';
import type { RunningSinkTask } from './running-tasks';
import { createSinkTaskContext } from './sink-task-context';
import { publishSinkTaskStatus } from './sink-task-status';
import type { SinkInvocationContext, SinkRuntimeDeps } from './types';

export async function startSinkTask(deps: SinkRuntimeDeps, record: ConnectorRecord, taskId: number, context: SinkInvocationContext): Promise<RunningSinkTask> {
  const { registry, producer, settings, log } = deps;
  const resolve = async (config: Record<string, string>) => (deps.configResolver ? deps.configResolver.resolve(config) : config);
  const connectorConfig = await resolve(record.config);
  const taskConfig = await resolve(record.taskConfigs[taskId] ?? {});
  const descriptor = registry.connector(record.config['connector.class'] ?? '') as SinkConnectorDescriptor;
  const pipeline = createSinkPipeline(connectorConfig, {
    registry,
    connectorName: record.name,
    taskId,
    ...(producer ? { producer } : {}),
    ...(deps.clock ? { clock: () => deps.clock!.now() } : {}),
    ...(settings.workerConverters === undefined ? {} : { workerDefaults: settings.workerConverters }),
  });
  const taskContext = createSinkTaskContext(taskConfig, pipeline.errantRecordReporter, log);
  const task = descriptor.createTask();
  try {
    task.initialize(taskContext);
    await task.start({ ...taskConfig });
  } catch (error) {
    pipeline.close();
    throw error;
  }
  await publishSinkTaskStatus(deps, record, taskId, context.workerId, 'RUNNING');
  return { connector: record.name, taskId, incarnation: record.incarnation, generation: record.generation, task, pipeline, context: taskContext, retrying: false };
}
