/**
 * What flows through the restart state machine (docs/restarts.md). The execution input is a
 * `RestartExecutionInput`; each Task state adds its result under its own key (`ResultPath`), so a
 * later step sees what the earlier ones decided. Everything here is plain JSON.
 */
import type { RestartRequest } from '#lib/herder/restart-launcher';

export type RestartReason = 'requested' | 'automatic';

export interface RestartExecutionInput extends RestartRequest {
  reason: RestartReason;
  /** Wait this long before marking RESTARTING (automatic recovery's backoff); 0 for requested restarts. */
  backoffSeconds: number;
  /** Automatic recovery: 1 for the first attempt since the task last ran. */
  attempt?: number;
  /** The Wait/poll loop that awaits the tasks: seconds between checks and how many checks at most. */
  poll: { waitSeconds: number; maxPolls: number };
}

export interface FenceResult {
  /** The generation the restart bumped the connector to: statuses of older generations are stale. */
  generation: number;
}

export interface RestartConnectorResult {
  /** The generation the tasks restart under (bumped again when the connector regenerated its task configs). */
  generation: number;
  /** Task ids whose RUNNING or FAILED status the execution waits for. */
  awaitTasks: number[];
  connectorFailed: boolean;
}

export interface CheckResult {
  settled: boolean;
  /** Checks made so far, this one included. */
  polls: number;
}

export interface OutcomeResult {
  running: number[];
  failed: number[];
  /** Tasks still not reporting when the poll loop gave up. */
  pending: number[];
  connectorFailed: boolean;
}

/** The document as the steps see it: the input plus the results of the steps that ran. */
export interface RestartDocument extends RestartExecutionInput {
  fence?: FenceResult;
  restarted?: RestartConnectorResult;
  check?: CheckResult;
  error?: { Error: string; Cause?: string };
}

export const RESTART_STEPS = ['mark-restarting', 'fence', 'restart-connector', 're-enable', 'check-tasks', 'record-outcome', 'record-failure'] as const;
export type RestartStep = (typeof RESTART_STEPS)[number];

/** The payload every Task state passes to the restart-step function (or a local handler). */
export interface RestartStepPayload {
  step: RestartStep;
  input: RestartDocument;
}
