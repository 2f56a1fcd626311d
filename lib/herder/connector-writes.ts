/**
 * Creating, reconfiguring and deleting connectors (Kafka's herder putConnectorConfig,
 * patchConnectorConfig and deleteConnectorConfig). Config, target state and task configs live in
 * one stored item, so each change is one conditional write: a config and the task configs
 * generated from it can never be seen apart.
 */
import { AlreadyExistsError, NotFoundError } from '#lib/errors';
import type { ConnectorRecord, TargetState } from '#lib/store/types';
import { connectorInfo } from './connector-info';
import type { HerderDeps } from './deps';
import { messages } from './messages';
import { publishStatus, statusForTarget } from './publish-status';
import { startConnector, traceOf, type StartOutcome } from './start-connector';
import type { ConnectorInfo, InitialState, PutConfigResult, RequestConfig } from './types';
import { validatedConfig } from './validated-config';
import { lostRace, retryOnConflict } from './write-retries';

const TARGET_OF: Record<InitialState, TargetState> = { RUNNING: 'STARTED', PAUSED: 'PAUSED', STOPPED: 'STOPPED' };

export async function createConnector(deps: HerderDeps, name: string, config: RequestConfig, initial: InitialState = 'RUNNING'): Promise<ConnectorInfo> {
  const full = await validatedConfig(deps, name, config);
  const created = await tryCreate(deps, full, TARGET_OF[initial]);
  if (!created) throw new AlreadyExistsError(messages.alreadyExists(name));
  return connectorInfo(deps, created);
}

export async function putConnectorConfig(deps: HerderDeps, name: string, config: RequestConfig): Promise<PutConfigResult> {
  const full = await validatedConfig(deps, name, config);
  return retryOnConflict(async () => {
    const existing = await deps.stores.configs.get(name);
    if (!existing) {
      const created = await tryCreate(deps, full, 'STARTED');
      if (!created) throw lostRace();
      return { created: true, info: connectorInfo(deps, created) };
    }
    return { created: false, info: connectorInfo(deps, await reconfigure(deps, existing, full)) };
  });
}

export async function patchConnectorConfig(deps: HerderDeps, name: string, patch: RequestConfig): Promise<ConnectorInfo> {
  return retryOnConflict(async () => {
    const existing = await deps.stores.configs.get(name);
    if (!existing) throw new NotFoundError(messages.connectorNotFound(name));
    const merged: RequestConfig = { ...existing.config };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const full = await validatedConfig(deps, name, merged);
    return connectorInfo(deps, await reconfigure(deps, existing, full));
  });
}

export async function deleteConnector(deps: HerderDeps, name: string): Promise<void> {
  if (!(await deps.stores.configs.delete(name))) throw new NotFoundError(messages.connectorNotFound(name));
  // Offsets outlive the connector, as in Kafka: recreating it resumes where it left off.
  await Promise.all([deps.stores.statuses.deleteAll(name), deps.stores.topics.reset(name)]);
}

/** Creates the connector in the given target state; undefined if the name is already taken. */
async function tryCreate(deps: HerderDeps, config: Record<string, string>, targetState: TargetState): Promise<ConnectorRecord | undefined> {
  // Kafka generates no task configs for a connector created PAUSED or STOPPED.
  const outcome: StartOutcome = targetState === 'STARTED' ? await startConnector(deps, config) : { taskConfigs: [] };
  let record: ConnectorRecord;
  try {
    record = await deps.stores.configs.create({ name: config.name ?? '', config, targetState, taskConfigs: outcome.taskConfigs });
  } catch (err) {
    if (err instanceof AlreadyExistsError) return undefined;
    throw err;
  }
  await publishStatus(deps, record, statusForTarget(record, outcome.failure, outcome.failure && traceOf(outcome.failure)));
  return record;
}

/** Replaces the config of an existing connector, conditional on the version that was read. */
async function reconfigure(deps: HerderDeps, existing: ConnectorRecord, config: Record<string, string>): Promise<ConnectorRecord> {
  const outcome = await tasksFor(deps, existing, config);
  let updated: ConnectorRecord;
  try {
    updated = await deps.stores.configs.update(existing.name, { config, taskConfigs: outcome.taskConfigs, bumpGeneration: true }, { expectedVersion: existing.version });
  } catch (err) {
    // Deleted meanwhile: start over, which creates it again as a PUT would have.
    if (err instanceof NotFoundError) throw lostRace();
    throw err;
  }
  await publishStatus(deps, updated, statusForTarget(updated, outcome.failure, outcome.failure && traceOf(outcome.failure)));
  return updated;
}

/** Task configs follow the target state: regenerated when running, kept empty when stopped, and
 *  regenerated for a paused connector only if it had tasks (one created PAUSED has none). */
async function tasksFor(deps: HerderDeps, existing: ConnectorRecord, config: Record<string, string>): Promise<StartOutcome> {
  if (existing.targetState === 'STOPPED') return { taskConfigs: [] };
  if (existing.targetState === 'PAUSED' && existing.taskConfigs.length === 0) return { taskConfigs: [] };
  return startConnector(deps, config);
}
