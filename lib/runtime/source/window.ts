/**
 * The state of one running window and the small helpers every step uses. A window is driven by one
 * async flow; the only concurrency is the batch loop's (batch-loop.ts): the next poll overlaps the
 * send in flight, and the boundary check overlaps both. Each field below is written by one of them
 * at a time, or (lease, lastRenewAt) written with values that are equally valid.
 */
import { createLogger, type Logger } from '#lib/logging/logger';
import type { SourceTask } from '#lib/plugin/source-task';
import type { SourcePipeline } from '#lib/runtime/pipeline/types';
import type { ConnectorRecord, TaskLease } from '#lib/store/types';
import { systemClock, type Clock } from './clock';
import type { OffsetTracker } from './offset-tracker';
import type { TopicTracker } from './topic-tracker';
import type { InvocationContext, SourceTaskInvocation, SourceWindowDeps, SourceWindowSummary, WindowOutcome, WindowPhase } from './types';
import type { WindowPlan } from './window-plan';
import { withRetries } from './with-retries';

export type ResolvedDeps = SourceWindowDeps & { clock: Clock; random: () => number; log: Logger };

export function resolveDeps(deps: SourceWindowDeps): ResolvedDeps {
  return { ...deps, clock: deps.clock ?? systemClock, random: deps.random ?? Math.random, log: deps.log ?? createLogger('lambda_connect.runtime.source') };
}

export interface SourceWindow {
  readonly deps: ResolvedDeps;
  readonly invocation: SourceTaskInvocation;
  readonly context: InvocationContext;
  /** The connector as read when the window opened; its incarnation and generation fence every commit. */
  readonly record: ConnectorRecord;
  readonly plan: WindowPlan;
  readonly offsets: OffsetTracker;
  readonly topics: TopicTracker;
  lease: TaskLease;
  lastRenewAt: number;
  lastCommitAt: number;
  task?: SourceTask;
  pipeline?: SourcePipeline;
  /** The RUNNING status write of startTask while it is not awaited yet (see taskRunning). */
  running?: Promise<void>;
  /** The last poll returned nothing. */
  idle: boolean;
  readonly stats: { batches: number; polled: number; produced: number; failed: number; deadLettered: number; commits: number };
}

export function now(w: SourceWindow): number {
  return w.deps.clock.now();
}

export function retrying<T>(w: SourceWindow, action: string, deadline: number, step: () => Promise<T>, beforeRetry?: () => Promise<void>): Promise<T> {
  const { clock, random, log } = w.deps;
  return withRetries(step, { action: `${action} for ${taskName(w)}`, deadline, clock, random, log, signal: w.context.signal, beforeRetry });
}

/** Reports a phase to the test hooks; `batch` defaults to the last batch polled. */
export async function phase(w: SourceWindow, name: WindowPhase, batch = w.stats.batches): Promise<void> {
  const onPhase = w.deps.hooks?.onPhase;
  if (onPhase === undefined) return;
  const { connector, taskId } = w.invocation;
  await onPhase(name, { connector, taskId, invocationId: w.context.invocationId, batch });
}

export function taskName(w: Pick<SourceWindow, 'invocation'>): string {
  return `${w.invocation.connector}-${w.invocation.taskId}`;
}

export function summary(w: SourceWindow, outcome: WindowOutcome, reason: SourceWindowSummary['reason'], continued = false): SourceWindowSummary {
  return {
    connector: w.invocation.connector,
    taskId: w.invocation.taskId,
    generation: w.record.generation,
    outcome,
    reason,
    epoch: w.lease.epoch,
    ...w.stats,
    continued,
    durationMs: now(w) - w.plan.startedAt,
  };
}
