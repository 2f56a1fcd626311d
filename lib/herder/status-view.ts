/**
 * Reading statuses the way Kafka's herder reports them. A status item only counts if it belongs to
 * the connector's current incarnation and to a task that still exists: leftovers of a deleted
 * namesake or of tasks removed by a smaller tasks.max are invisible.
 */
import { NotFoundError } from '#lib/errors';
import type { ConnectorRecord, StatusRecord } from '#lib/store/types';
import type { HerderDeps } from './deps';
import { messages } from './messages';
import type { ConnectorState, ConnectorStateInfo, TaskState } from './types';

export async function connectorStatus(deps: HerderDeps, name: string): Promise<ConnectorStateInfo> {
  const record = await deps.stores.configs.get(name);
  const info = record && (await stateInfo(deps, record));
  if (!info) throw new NotFoundError(messages.noConnectorStatus(name));
  return info;
}

/** The connector's ConnectorStateInfo, or undefined when no status has been written yet. */
export async function stateInfo(deps: HerderDeps, record: ConnectorRecord): Promise<ConnectorStateInfo | undefined> {
  const statuses = await deps.stores.statuses.get(record.name);
  const connector = statuses.connector;
  if (!connector || connector.incarnation !== record.incarnation) return undefined;
  const tasks = statuses.tasks
    .filter((task) => task.incarnation === record.incarnation && (task.taskId ?? 0) < record.taskConfigs.length)
    .map(taskState);
  return {
    name: record.name,
    connector: stateOf(connector),
    tasks,
    type: deps.plugins.connectorType(record.config['connector.class'] ?? ''),
  };
}

export async function taskStatus(deps: HerderDeps, name: string, taskId: number): Promise<TaskState> {
  const record = await deps.stores.configs.get(name);
  const status = record && taskId >= 0 && taskId < record.taskConfigs.length ? await deps.stores.statuses.getTask(name, taskId) : undefined;
  if (!record || !status || status.incarnation !== record.incarnation) throw new NotFoundError(messages.noTaskStatus(name, taskId));
  return taskState(status);
}

export function taskState(status: StatusRecord): TaskState {
  return { id: status.taskId ?? 0, ...stateOf(status) };
}

function stateOf(status: StatusRecord): ConnectorState {
  return {
    state: status.state,
    worker_id: status.workerId,
    ...(status.trace ? { trace: status.trace } : {}),
    ...(status.extra ?? {}),
  };
}
