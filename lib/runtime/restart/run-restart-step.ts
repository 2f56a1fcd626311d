/**
 * The one entry of every restart Task state: `{ step, input }` → that step's result. The
 * restart-step Lambda function and the local executor's handlers both call it, so the two engines run
 * the same code. Retriable failures leave as `RestartRetriable`, which the state machine retries.
 */
import { BadRequestError } from '#lib/errors';
import { forStateMachine } from './errors';
import { checkTasks, fence, markRestarting, recordFailure, recordOutcome, reEnable, restartConnector, type RestartStepDeps } from './restart-steps';
import { RESTART_STEPS, type RestartDocument, type RestartStep, type RestartStepPayload } from './types';

const STEPS: Record<RestartStep, (deps: RestartStepDeps, doc: RestartDocument) => Promise<unknown>> = {
  'mark-restarting': markRestarting,
  fence,
  'restart-connector': restartConnector,
  're-enable': reEnable,
  'check-tasks': checkTasks,
  'record-outcome': recordOutcome,
  'record-failure': recordFailure,
};

export async function runRestartStep(deps: RestartStepDeps, payload: unknown): Promise<unknown> {
  const { step, input } = parsePayload(payload);
  try {
    // Task states with ResultPath null must still return JSON.
    return (await STEPS[step](deps, input)) ?? null;
  } catch (err) {
    throw forStateMachine(err);
  }
}

function parsePayload(payload: unknown): RestartStepPayload {
  const candidate = payload as Partial<RestartStepPayload> | null;
  if (!candidate || !RESTART_STEPS.includes(candidate.step as RestartStep) || typeof candidate.input?.connector !== 'string') {
    throw new BadRequestError('A restart step expects { step, input: { connector, … } }');
  }
  return candidate as RestartStepPayload;
}
