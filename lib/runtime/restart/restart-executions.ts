/**
 * The port that starts executions of the restart state machine: Step Functions on AWS, the local
 * engine (aws-local-stepfunctions) in standalone mode. Execution names are unique: starting a name
 * that already ran or runs starts nothing, as StartExecution does within its 90-day name window.
 */
import { createHash } from 'node:crypto';
import type { RestartExecutionInput } from './types';

export interface RestartExecutions {
  /** Starts the execution; false when an execution of this name already exists (the caller joins it). */
  start(name: string, input: RestartExecutionInput): Promise<boolean>;
}

/**
 * `restart-<connector>-<hash>-g<generation>` (automatic: `recover-…-t<task>-a<attempt>`), within Step Functions'
 * 80 characters of `[A-Za-z0-9_-]`. The hash covers the full name and incarnation, so connectors whose
 * names differ only in dropped characters, or a re-created namesake, never share an execution.
 */
export function restartExecutionName(input: Pick<RestartExecutionInput, 'connector' | 'incarnation' | 'generation' | 'reason' | 'attempt' | 'tasks'>): string {
  const hash = createHash('sha256').update(`${input.connector}\u0000${input.incarnation}`).digest('hex').slice(0, 10);
  const slug = input.connector.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  const prefix = input.reason === 'automatic' ? 'recover' : 'restart';
  // An automatic restart is per task: two tasks failing under one generation recover independently.
  const suffix = input.reason === 'automatic' ? `-t${input.tasks.join('_')}-a${input.attempt ?? 1}` : '';
  return `${prefix}-${slug}-${hash}-g${input.generation}${suffix}`;
}
