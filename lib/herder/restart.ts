/**
 * Restarts (Kafka's restartConnector / restartTask). The 202 answer is the restart plan: every
 * instance selected for restart is reported RESTARTING, the rest with their current state. The
 * restart itself starts the connector again (start + taskConfigs, so a changed config or tasks.max
 * takes effect) and bumps the generation, fencing invocations of the selected tasks. With a
 * `RestartLauncher` the restart runs as a state machine execution (docs/restarts.md) instead.
 */
import { NotFoundError } from '#lib/errors';
import type { ConnectorRecord } from '#lib/store/types';
import type { HerderDeps } from './deps';
import { messages } from './messages';
import { publishStatus, statusForTarget } from './publish-status';
import { startConnector, traceOf } from './start-connector';
import { stateInfo } from './status-view';
import type { ConnectorStateInfo, RestartOptions } from './types';
import { retryOnConflict } from './write-retries';

export async function restartConnector(deps: HerderDeps, name: string, options: RestartOptions): Promise<ConnectorStateInfo | undefined> {
  const record = await deps.stores.configs.get(name);
  if (!record) throw new NotFoundError(messages.unknownConnectorForRestart(name));
  if (!options.includeTasks && !options.onlyFailed) {
    await restart(deps, name, true, []);
    return undefined;
  }
  const current = await stateInfo(deps, record);
  if (!current) throw new NotFoundError(messages.noStatusForRestart(name));
  const restartConnectorToo = !options.onlyFailed || current.connector.state === 'FAILED';
  const tasks = options.includeTasks ? current.tasks.filter((t) => !options.onlyFailed || t.state === 'FAILED').map((t) => t.id) : [];
  const plan: ConnectorStateInfo = {
    ...current,
    connector: restartConnectorToo ? { ...current.connector, state: 'RESTARTING' } : current.connector,
    tasks: current.tasks.map((t) => (tasks.includes(t.id) ? { ...t, state: 'RESTARTING' } : t)),
  };
  if (restartConnectorToo || tasks.length > 0) await restart(deps, name, restartConnectorToo, tasks);
  return plan;
}

export async function restartTask(deps: HerderDeps, name: string, taskId: number): Promise<void> {
  const record = await deps.stores.configs.get(name);
  if (!record) throw new NotFoundError(messages.unknownConnectorForRestart(name));
  if (taskId < 0 || taskId >= record.taskConfigs.length) throw new NotFoundError(messages.unknownTask(name, taskId));
  await restart(deps, name, false, [taskId]);
}

async function restart(deps: HerderDeps, name: string, connector: boolean, tasks: number[]): Promise<void> {
  if (deps.restarts) {
    const existing = await deps.stores.configs.get(name);
    if (!existing) throw new NotFoundError(messages.unknownConnectorForRestart(name));
    await deps.restarts.launch({ connector: name, incarnation: existing.incarnation, generation: existing.generation, restartConnector: connector, tasks });
    return;
  }
  let failure: Error | undefined;
  const record: ConnectorRecord = await retryOnConflict(async () => {
    const existing = await deps.stores.configs.get(name);
    if (!existing) throw new NotFoundError(messages.unknownConnectorForRestart(name));
    const outcome = connector && existing.targetState === 'STARTED' ? await startConnector(deps, existing.config) : undefined;
    failure = outcome?.failure;
    const changes = outcome ? { taskConfigs: outcome.taskConfigs } : {};
    return deps.stores.configs.update(name, { ...changes, bumpGeneration: true }, { expectedVersion: existing.version });
  });
  const target = statusForTarget(record, failure, failure && traceOf(failure));
  if (connector) await publishStatus(deps, record, target);
  else await publishStatus(deps, record, { ...target, includeConnector: false, onlyTasks: tasks });
}
