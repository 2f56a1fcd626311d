/**
 * The herder's RestartLauncher over the restart state machine. Requests for one connector collapse
 * into one execution in two ways: the execution name is derived from the connector, its incarnation
 * and the generation the request saw (every request planned before the fence shares it), and a
 * connector that an execution is still restarting (a recent RESTARTING status) starts nothing new.
 */
import type { RestartLauncher, RestartRequest } from '#lib/herder/restart-launcher';
import type { Logger } from '#lib/logging/logger';
import type { StatusStore } from '#lib/store/types';
import { restartExecutionName, type RestartExecutions } from './restart-executions';
import type { RestartExecutionInput } from './types';

export interface PollSettings {
  waitSeconds: number;
  maxPolls: number;
}

export const DEFAULT_POLL: PollSettings = { waitSeconds: 2, maxPolls: 60 };

export interface RestartLauncherDeps {
  executions: RestartExecutions;
  statuses: Pick<StatusStore, 'get'>;
  poll?: PollSettings;
  log: Logger;
  now?: () => number;
}

export function createRestartLauncher(deps: RestartLauncherDeps): RestartLauncher {
  const poll = deps.poll ?? DEFAULT_POLL;
  // A RESTARTING status older than the whole poll loop belongs to an execution that died.
  const staleAfterMs = (poll.waitSeconds * poll.maxPolls + 60) * 1000;
  return {
    async launch(request: RestartRequest) {
      if (await restartInFlight(deps, request, staleAfterMs)) return;
      const input: RestartExecutionInput = { ...request, reason: 'requested', backoffSeconds: 0, poll };
      const name = restartExecutionName(input);
      const started = await deps.executions.start(name, input);
      if (started) deps.log.info(`Restart of ${request.connector} started as ${name}`);
      else deps.log.debug(`Restart of ${request.connector} joins ${name}`);
    },
  };
}

async function restartInFlight(deps: RestartLauncherDeps, request: RestartRequest, staleAfterMs: number): Promise<boolean> {
  const now = deps.now?.() ?? Date.now();
  const { connector, tasks } = await deps.statuses.get(request.connector);
  return [connector, ...tasks].some(
    (s) => s?.state === 'RESTARTING' && s.incarnation === request.incarnation && now - Date.parse(s.updatedAt) < staleAfterMs,
  );
}
