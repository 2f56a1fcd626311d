/**
 * The restart state machine, as Amazon States Language data: the one definition the CDK app deploys
 * (infra/constructs/restart-state-machine.ts) and standalone mode runs with aws-local-stepfunctions
 * (local-restart-executions.ts). Task states name a Lambda function ARN directly (the
 * `payloadResponseOnly` form): the local engine cannot run `arn:aws:states:::lambda:invoke`, and the
 * local handlers replace Task states by state name.
 *
 *   Backoff? → [Backoff] → MarkRestarting → Fence → RestartConnector → ReEnableWork
 *     → WaitForTasks → CheckTasks → TasksSettled? ─(no, polls left)→ WaitForTasks
 *                                                  └(settled or out of polls)→ RecordOutcome → Restarted
 *   any step: RestartSuperseded → Superseded; anything else → RecordFailure → RestartFailed
 */
import { RETRIABLE_ERROR, SUPERSEDED_ERROR } from './errors';
import type { RestartStep } from './types';

/** The ASL subset we use, typed loosely: the definition is data for two engines. */
export type AslState = Record<string, unknown> & { Type: string };
export interface AslDefinition {
  Comment: string;
  StartAt: string;
  TimeoutSeconds: number;
  States: Record<string, AslState>;
}

/** Task state name → the step it runs. */
export const TASK_STATES = {
  MarkRestarting: 'mark-restarting',
  Fence: 'fence',
  RestartConnector: 'restart-connector',
  ReEnableWork: 're-enable',
  CheckTasks: 'check-tasks',
  RecordOutcome: 'record-outcome',
  RecordFailure: 'record-failure',
} as const satisfies Record<string, RestartStep>;

export type TaskStateName = keyof typeof TASK_STATES;

const RETRY = [
  {
    ErrorEquals: [RETRIABLE_ERROR, 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
    IntervalSeconds: 1,
    MaxAttempts: 4,
    BackoffRate: 2,
  },
];

const CATCH = [
  { ErrorEquals: [SUPERSEDED_ERROR], ResultPath: '$.error', Next: 'Superseded' },
  { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailure' },
];

/** `functionArn`: what every Task state invokes (the restart-step function); a placeholder locally. */
export function restartDefinition(functionArn: string): AslDefinition {
  const task = (name: TaskStateName, resultPath: string | null, next: string, catches = true): AslState => ({
    Type: 'Task',
    Resource: functionArn,
    Parameters: { step: TASK_STATES[name], 'input.$': '$' },
    ResultPath: resultPath,
    Retry: RETRY,
    ...(catches ? { Catch: CATCH } : {}),
    Next: next,
  });
  return {
    Comment: 'lambda-connect: restart a connector and its tasks (docs/restarts.md)',
    StartAt: 'Backoff?',
    // Backoff (at most restart.backoff.max.ms) plus the poll loop, with room to spare.
    TimeoutSeconds: 24 * 60 * 60,
    States: {
      'Backoff?': { Type: 'Choice', Choices: [{ Variable: '$.backoffSeconds', NumericGreaterThan: 0, Next: 'Backoff' }], Default: 'MarkRestarting' },
      Backoff: { Type: 'Wait', SecondsPath: '$.backoffSeconds', Next: 'MarkRestarting' },
      MarkRestarting: task('MarkRestarting', null, 'Fence'),
      Fence: task('Fence', '$.fence', 'RestartConnector'),
      RestartConnector: task('RestartConnector', '$.restarted', 'ReEnableWork'),
      ReEnableWork: task('ReEnableWork', null, 'WaitForTasks'),
      WaitForTasks: { Type: 'Wait', SecondsPath: '$.poll.waitSeconds', Next: 'CheckTasks' },
      CheckTasks: task('CheckTasks', '$.check', 'TasksSettled?'),
      'TasksSettled?': {
        Type: 'Choice',
        Choices: [
          { Variable: '$.check.settled', BooleanEquals: true, Next: 'RecordOutcome' },
          { Variable: '$.check.polls', NumericGreaterThanEqualsPath: '$.poll.maxPolls', Next: 'RecordOutcome' },
        ],
        Default: 'WaitForTasks',
      },
      RecordOutcome: task('RecordOutcome', '$.outcome', 'Restarted'),
      Restarted: { Type: 'Succeed' },
      Superseded: { Type: 'Succeed' },
      RecordFailure: task('RecordFailure', '$.outcome', 'RestartFailed', false),
      RestartFailed: { Type: 'Fail', Error: 'RestartFailed', Cause: 'A restart step failed; the statuses it left RESTARTING are FAILED with the cause.' },
    },
  };
}

/** Every state's outgoing transitions (Next, Default, Choices, Catch), for comparing definitions. */
export function transitionsOf(definition: { States: Record<string, Record<string, unknown>> }): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    const targets = new Set<string>();
    const add = (value: unknown): void => void (typeof value === 'string' && targets.add(value));
    add(state.Next);
    add(state.Default);
    for (const rule of (state.Choices as { Next?: unknown }[] | undefined) ?? []) add(rule.Next);
    for (const rule of (state.Catch as { Next?: unknown }[] | undefined) ?? []) add(rule.Next);
    result[name] = [...targets].sort();
  }
  return result;
}
