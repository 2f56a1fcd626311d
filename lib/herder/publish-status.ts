/**
 * Writes the statuses that follow a lifecycle change. Until task runners exist for a connector's
 * tasks, a task is UNASSIGNED (no worker owns it): the status says what is known, never a fake
 * RUNNING. Runners overwrite task statuses as they start, fail and stop.
 */
import type { ConnectorRecord, State, StatusRecord } from '#lib/store/types';
import type { HerderDeps } from './deps';

export interface StatusChange {
  connector: State;
  trace?: string;
  /** State for every task in the record's task configs. */
  tasks: State;
  /** Only these task ids get the task state (default: all). */
  onlyTasks?: number[];
  /** Also (re)write the connector's own status (default true). */
  includeConnector?: boolean;
}

export async function publishStatus(deps: HerderDeps, record: ConnectorRecord, change: StatusChange): Promise<void> {
  const now = (deps.now?.() ?? new Date()).toISOString();
  const base = { connector: record.name, incarnation: record.incarnation, generation: record.generation, updatedAt: now };
  const statuses: StatusRecord[] = [];
  if (change.includeConnector !== false) {
    statuses.push({ ...base, state: change.connector, workerId: deps.settings.workerId, ...(change.trace ? { trace: change.trace } : {}) });
  }
  record.taskConfigs.forEach((_, taskId) => {
    if (change.onlyTasks && !change.onlyTasks.includes(taskId)) return;
    statuses.push({ ...base, taskId, state: change.tasks, workerId: change.tasks === 'UNASSIGNED' ? null : deps.settings.workerId });
  });
  await deps.stores.statuses.putMany(statuses);
  if (!change.onlyTasks) await deps.stores.statuses.deleteTasks(record.name, record.taskConfigs.length);
}

/** The statuses a connector has right after it was (re)started in its target state. */
export function statusForTarget(record: ConnectorRecord, failure?: Error, trace?: string): StatusChange {
  if (record.targetState === 'STOPPED') return { connector: 'STOPPED', tasks: 'UNASSIGNED' };
  if (record.targetState === 'PAUSED') return { connector: 'PAUSED', tasks: 'PAUSED' };
  if (failure) return { connector: 'FAILED', trace, tasks: 'UNASSIGNED' };
  return { connector: 'RUNNING', tasks: 'UNASSIGNED' };
}
