/**
 * Standalone mode's restart executor: the restart state machine's own definition run in this process
 * by aws-local-stepfunctions, its Task states bound by name to `runRestartStep`. Names are remembered
 * for the life of the process, so a name starts at most one execution, as on Step Functions.
 */
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { Logger } from '#lib/logging/logger';
import { ensurePromiseWithResolvers } from './promise-with-resolvers';
import { restartDefinition, TASK_STATES } from './restart-definition';
import type { RestartExecutions } from './restart-executions';
import type { RestartStepDeps } from './restart-steps';
import { runRestartStep } from './run-restart-step';
import type { RestartExecutionInput } from './types';

/** The ARN the local definition names; never called, every Task state is overridden. */
export const LOCAL_STEP_FUNCTION_ARN = 'arn:aws:lambda:local:000000000000:function:lambda-connect-restart-step';

export interface LocalExecution {
  name: string;
  input: RestartExecutionInput;
  /** States entered, in order. */
  path: string[];
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  output?: unknown;
  error?: unknown;
}

export interface LocalRestartExecutionsOptions {
  steps: RestartStepDeps;
  log: Logger;
  /** Milliseconds instead of the Wait states' seconds, by state name (tests). */
  waitOverridesMs?: Partial<Record<'Backoff' | 'WaitForTasks', number>>;
  /** Milliseconds between retries of a failed step instead of the definition's backoff (tests). */
  retryIntervalMs?: number;
}

export interface LocalRestartExecutions extends RestartExecutions {
  executions(): readonly LocalExecution[];
  /** Resolves once every execution started so far has ended. */
  settled(): Promise<void>;
  /** Aborts the running executions. */
  close(): Promise<void>;
}

export function createLocalRestartExecutions(options: LocalRestartExecutionsOptions): LocalRestartExecutions {
  ensurePromiseWithResolvers();
  const definition = restartDefinition(LOCAL_STEP_FUNCTION_ARN);
  const machine = new StateMachine(definition as unknown as StateMachineDefinition);
  const handlers = Object.fromEntries(Object.keys(TASK_STATES).map((state) => [state, (payload: unknown) => runRestartStep(options.steps, payload)]));
  const retryOverrides = options.retryIntervalMs === undefined ? undefined : Object.fromEntries(Object.keys(TASK_STATES).map((state) => [state, options.retryIntervalMs as number]));
  const executions = new Map<string, LocalExecution>();
  const running = new Map<string, { done: Promise<void>; abort: () => void }>();

  const start = async (name: string, input: RestartExecutionInput): Promise<boolean> => {
    if (executions.has(name)) return false;
    const execution: LocalExecution = { name, input, path: [], status: 'RUNNING' };
    executions.set(name, execution);
    const run = machine.run(input as never, {
      noThrowOnAbort: true,
      context: { Execution: { Name: name, Input: input as never, StartTime: new Date().toISOString() } },
      overrides: {
        taskResourceLocalHandlers: handlers as never,
        ...(options.waitOverridesMs ? { waitTimeOverrides: options.waitOverridesMs as Record<string, number> } : {}),
        ...(retryOverrides ? { retryIntervalOverrides: retryOverrides } : {}),
      },
    });
    const events = (async () => {
      for await (const event of run.eventLogs) if (event.type === 'StateEntered') execution.path.push(event.state.name);
    })();
    const done = run.result.then(
      (output) => {
        execution.status = output === null ? 'ABORTED' : 'SUCCEEDED';
        execution.output = output;
      },
      (error: unknown) => {
        execution.status = 'FAILED';
        execution.error = error;
        options.log.error(`Restart execution ${name} failed`, { error });
      },
    );
    const finished = Promise.all([done, events.catch(() => undefined)]).then(() => void running.delete(name));
    running.set(name, { done: finished, abort: run.abort });
    return true;
  };

  return {
    start,
    executions: () => [...executions.values()],
    async settled() {
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.done));
    },
    async close() {
      for (const r of running.values()) r.abort();
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}
