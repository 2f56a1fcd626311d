/**
 * Pause, resume and stop: changes of the stored target state. Each is a conditional update of an
 * existing connector, so one racing a DELETE fails with 404 instead of resurrecting it. Each bumps
 * the generation, which fences task invocations started under the previous state.
 */
import { NotFoundError } from '#lib/errors';
import type { ConnectorRecord } from '#lib/store/types';
import type { HerderDeps } from './deps';
import { messages } from './messages';
import { publishStatus, statusForTarget } from './publish-status';
import { startConnector, traceOf, type StartOutcome } from './start-connector';
import { retryOnConflict } from './write-retries';

export async function pauseConnector(deps: HerderDeps, name: string): Promise<void> {
  const record = await update(deps, name, async () => ({ targetState: 'PAUSED' }));
  await publishStatus(deps, record, statusForTarget(record));
}

export async function stopConnector(deps: HerderDeps, name: string): Promise<void> {
  // Kafka empties the task configs of a stopped connector: GET /tasks is [] until it resumes.
  const record = await update(deps, name, async () => ({ targetState: 'STOPPED', taskConfigs: [] }));
  await publishStatus(deps, record, statusForTarget(record));
}

export async function resumeConnector(deps: HerderDeps, name: string): Promise<void> {
  let outcome: StartOutcome = { taskConfigs: [] };
  const record = await update(deps, name, async (existing) => {
    outcome = await startConnector(deps, existing.config);
    return { targetState: 'STARTED', taskConfigs: outcome.taskConfigs };
  });
  await publishStatus(deps, record, statusForTarget(record, outcome.failure, outcome.failure && traceOf(outcome.failure)));
}

type Change = Partial<Pick<ConnectorRecord, 'targetState' | 'taskConfigs'>>;

async function update(deps: HerderDeps, name: string, change: (existing: ConnectorRecord) => Promise<Change>): Promise<ConnectorRecord> {
  return retryOnConflict(async () => {
    const existing = await deps.stores.configs.get(name);
    if (!existing) throw new NotFoundError(messages.unknownConnector(name));
    try {
      return await deps.stores.configs.update(name, { ...(await change(existing)), bumpGeneration: true }, { expectedVersion: existing.version });
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(messages.unknownConnector(name), { cause: err });
      throw err;
    }
  });
}
