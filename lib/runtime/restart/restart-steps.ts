/**
 * The restart state machine's Task states, one function each (docs/restarts.md). Every step re-reads
 * the connector and ends the execution (`RestartSuperseded`) when the connector was deleted,
 * re-created or changed since the step before: a newer change owns the statuses from then on. Step
 * Functions retries a step whose invocation failed; the reads and status writes are safe to repeat,
 * and a Fence or RestartConnector whose write had landed before the failure finds the generation
 * moved on and ends as Superseded (its RESTARTING tasks are still dispatched, not being FAILED).
 */
import type { HerderDeps } from '#lib/herder/deps';
import { publishStatus, statusForTarget } from '#lib/herder/publish-status';
import { startConnector, traceOf } from '#lib/herder/start-connector';
import { retryOnConflict } from '#lib/herder/write-retries';
import { NotFoundError } from '#lib/errors';
import type { ConnectorChanges, ConnectorRecord, StatusRecord } from '#lib/store/types';
import { RestartSuperseded } from './errors';
import { attemptExtra } from './restart-extra';
import type { CheckResult, FenceResult, OutcomeResult, RestartConnectorResult, RestartDocument } from './types';
import type { WorkEnabler } from './work-enabler';

export interface RestartStepDeps {
  herder: HerderDeps;
  work: WorkEnabler;
}

const SETTLED: ReadonlySet<string> = new Set(['RUNNING', 'FAILED', 'PAUSED', 'STOPPED']);

export async function markRestarting(deps: RestartStepDeps, doc: RestartDocument): Promise<void> {
  const record = await current(deps, doc, doc.generation);
  const tasks = doc.tasks.filter((id) => id < record.taskConfigs.length);
  await writeStatuses(deps, record, doc, doc.restartConnector ? 'RESTARTING' : undefined, tasks, 'RESTARTING');
}

export async function fence(deps: RestartStepDeps, doc: RestartDocument): Promise<FenceResult> {
  const record = await retryOnConflict(async () => {
    const existing = await current(deps, doc, doc.generation);
    return updateRecord(deps, doc, { bumpGeneration: true }, existing.version);
  });
  return { generation: record.generation };
}

export async function restartConnector(deps: RestartStepDeps, doc: RestartDocument): Promise<RestartConnectorResult> {
  let failure: Error | undefined;
  let previousTasks = 0;
  const record = await retryOnConflict(async () => {
    const existing = await current(deps, doc, fencedGeneration(doc));
    previousTasks = existing.taskConfigs.length;
    if (!doc.restartConnector) return existing;
    const outcome = existing.targetState === 'STARTED' ? await startConnector(deps.herder, existing.config) : undefined;
    failure = outcome?.failure;
    // New task configs take effect under a new generation, so no invocation started since the fence runs the old ones.
    return updateRecord(deps, doc, { ...(outcome ? { taskConfigs: outcome.taskConfigs } : {}), bumpGeneration: true }, existing.version);
  });
  const target = statusForTarget(record, failure, failure && traceOf(failure));
  if (record.targetState !== 'STARTED' || failure) {
    await publishStatus(deps.herder, record, doc.restartConnector ? target : { ...target, includeConnector: false, onlyTasks: doc.tasks });
    return { generation: record.generation, awaitTasks: [], connectorFailed: failure !== undefined };
  }
  const added = doc.restartConnector ? record.taskConfigs.map((_, id) => id).filter((id) => id >= previousTasks) : [];
  const awaitTasks = [...new Set([...doc.tasks, ...added])].filter((id) => id < record.taskConfigs.length).sort((a, b) => a - b);
  await writeStatuses(deps, record, doc, doc.restartConnector ? 'RUNNING' : undefined, awaitTasks, 'RESTARTING');
  if (doc.restartConnector) await deps.herder.stores.statuses.deleteTasks(record.name, record.taskConfigs.length);
  return { generation: record.generation, awaitTasks, connectorFailed: false };
}

export async function reEnable(deps: RestartStepDeps, doc: RestartDocument): Promise<void> {
  const tasks = doc.restarted?.awaitTasks ?? [];
  if (tasks.length === 0) return;
  const record = await current(deps, doc, restartedGeneration(doc));
  await deps.work.reEnable({ record, tasks });
}

export async function checkTasks(deps: RestartStepDeps, doc: RestartDocument): Promise<CheckResult> {
  const polls = (doc.check?.polls ?? 0) + 1;
  const record = await deps.herder.stores.configs.get(doc.connector);
  if (!record || record.incarnation !== doc.incarnation || record.generation !== restartedGeneration(doc)) return { settled: true, polls };
  const { pending } = await taskStates(deps, record, doc);
  return { settled: pending.length === 0, polls };
}

export async function recordOutcome(deps: RestartStepDeps, doc: RestartDocument): Promise<OutcomeResult> {
  const record = await deps.herder.stores.configs.get(doc.connector);
  const connectorFailed = doc.restarted?.connectorFailed ?? false;
  if (!record || record.incarnation !== doc.incarnation || record.generation !== restartedGeneration(doc)) {
    return { running: [], failed: [], pending: [], connectorFailed };
  }
  const outcome = { ...(await taskStates(deps, record, doc)), connectorFailed };
  if (outcome.pending.length > 0) {
    deps.herder.log.warn(`Restart of ${doc.connector}: tasks ${outcome.pending.join(', ')} did not report RUNNING or FAILED in time`);
    // Nobody is known to run them: UNASSIGNED, as the herder reports tasks no runner picked up yet. A
    // RESTARTING left behind would read as a restart still in flight (and hold back the next request).
    await writeStatuses(deps, record, { ...doc, reason: 'requested' }, undefined, outcome.pending, 'UNASSIGNED');
  }
  return outcome;
}

/** After a step failed for good: what this execution left RESTARTING becomes FAILED with the cause. */
export async function recordFailure(deps: RestartStepDeps, doc: RestartDocument): Promise<{ failed: number[] }> {
  const record = await deps.herder.stores.configs.get(doc.connector);
  if (!record || record.incarnation !== doc.incarnation) return { failed: [] };
  const statuses = await deps.herder.stores.statuses.get(doc.connector);
  const trace = `Restart failed: ${doc.error?.Error ?? 'unknown error'}${doc.error?.Cause ? `\n${doc.error.Cause}` : ''}`;
  const now = (deps.herder.now?.() ?? new Date()).toISOString();
  const stuck = [statuses.connector, ...statuses.tasks].filter((s): s is StatusRecord => s?.state === 'RESTARTING' && s.incarnation === record.incarnation);
  await deps.herder.stores.statuses.putMany(stuck.map((s) => ({ ...s, state: 'FAILED', trace, updatedAt: now })));
  return { failed: stuck.flatMap((s) => (s.taskId === undefined ? [] : [s.taskId])) };
}

async function current(deps: RestartStepDeps, doc: RestartDocument, generation: number): Promise<ConnectorRecord> {
  const record = await deps.herder.stores.configs.get(doc.connector);
  if (!record || record.incarnation !== doc.incarnation) throw new RestartSuperseded(`Connector ${doc.connector} was deleted or re-created`);
  if (record.generation !== generation) throw new RestartSuperseded(`Connector ${doc.connector} changed (generation ${record.generation}, restart expected ${generation})`);
  return record;
}

/**
 * The connector record's update at `expectedVersion`. A connector deleted since `current` read it
 * (a DELETE right after the restart request) ends the execution as superseded, as `current` would.
 */
async function updateRecord(deps: RestartStepDeps, doc: RestartDocument, changes: ConnectorChanges, expectedVersion: number): Promise<ConnectorRecord> {
  try {
    return await deps.herder.stores.configs.update(doc.connector, changes, { expectedVersion });
  } catch (err) {
    if (err instanceof NotFoundError) throw new RestartSuperseded(`Connector ${doc.connector} was deleted or re-created`);
    throw err;
  }
}

function fencedGeneration(doc: RestartDocument): number {
  if (!doc.fence) throw new Error('RestartConnector runs after Fence');
  return doc.fence.generation;
}

function restartedGeneration(doc: RestartDocument): number {
  return doc.restarted?.generation ?? fencedGeneration(doc);
}

async function taskStates(deps: RestartStepDeps, record: ConnectorRecord, doc: RestartDocument): Promise<Omit<OutcomeResult, 'connectorFailed'>> {
  const { tasks } = await deps.herder.stores.statuses.get(record.name);
  const result: Omit<OutcomeResult, 'connectorFailed'> = { running: [], failed: [], pending: [] };
  for (const id of doc.restarted?.awaitTasks ?? []) {
    const status = tasks.find((t) => t.taskId === id && t.incarnation === record.incarnation && t.generation >= record.generation);
    if (!status || !SETTLED.has(status.state)) result.pending.push(id);
    else if (status.state === 'FAILED') result.failed.push(id);
    else result.running.push(id);
  }
  return result;
}

async function writeStatuses(deps: RestartStepDeps, record: ConnectorRecord, doc: RestartDocument, connector: StatusRecord['state'] | undefined, tasks: number[], taskState: StatusRecord['state']): Promise<void> {
  const base = { connector: record.name, incarnation: record.incarnation, generation: record.generation, updatedAt: (deps.herder.now?.() ?? new Date()).toISOString() };
  const workerId = deps.herder.settings.workerId;
  const extra = attemptExtra(doc);
  const statuses: StatusRecord[] = tasks.map((taskId) => ({ ...base, taskId, state: taskState, workerId: taskState === 'UNASSIGNED' ? null : workerId, ...(extra ? { extra } : {}) }));
  if (connector) statuses.unshift({ ...base, state: connector, workerId });
  await deps.herder.stores.statuses.putMany(statuses);
}
