/**
 * Opening a window: decide whether this invocation should run the task at all, then take the
 * task's lease. Every check reads current state (strongly consistent), so a stale dispatch, a
 * paused or deleted connector, a FAILED task or a second concurrent invocation does nothing.
 */
import { isSourceConnectorDescriptor } from '#lib/plugin/task-types';
import type { ConnectorRecord } from '#lib/store/types';
import { createOffsetTracker } from './offset-tracker';
import { createTopicTracker } from './topic-tracker';
import type { InvocationContext, SkipReason, SourceTaskInvocation, SourceWindowSummary, TopicCreator } from './types';
import type { ResolvedDeps, SourceWindow } from './window';
import { planWindow } from './window-plan';

export type Claim = { window: SourceWindow } | { skipped: SourceWindowSummary };

export async function claimTask(deps: ResolvedDeps, invocation: SourceTaskInvocation, context: InvocationContext, startedAt: number): Promise<Claim> {
  const { connector, taskId, generation } = invocation;
  const skip = (reason: SkipReason, record?: ConnectorRecord): Claim => {
    deps.log.debug(`Not running ${connector}-${taskId}: ${reason}`, { invocationId: context.invocationId });
    const stats = { batches: 0, polled: 0, produced: 0, failed: 0, deadLettered: 0, commits: 0 };
    return { skipped: { connector, taskId, generation: record?.generation ?? generation, outcome: 'skipped', reason, ...stats, continued: false, durationMs: deps.clock.now() - startedAt } };
  };

  // Both reads at once: the status read is wasted only when the window skips anyway.
  const [record, status] = await Promise.all([deps.stores.configs.get(connector), deps.stores.statuses.getTask(connector, taskId)]);
  if (record === undefined) return skip('deleted');
  if (record.targetState !== 'STARTED') return skip('not-started', record);
  if (record.generation !== generation) return skip('generation-moved-on', record);
  if (taskId >= record.taskConfigs.length) return skip('unknown-task', record);
  if (!isSource(deps, record)) return skip('not-a-source', record);
  // A FAILED task stays failed until the herder restarts or reconfigures it (which rewrites the status).
  if (status?.state === 'FAILED' && status.incarnation === record.incarnation) return skip('task-failed', record);

  const { settings } = deps;
  const lease = await deps.stores.leases.acquire({ connector, taskId, owner: context.invocationId, generation, now: deps.clock.now(), ttlMs: settings.leaseTtlMs });
  if (lease === undefined) return skip('lease-held', record);
  return {
    window: {
      deps,
      invocation,
      context,
      record,
      plan: planWindow(record.config, startedAt, context.remainingTimeMs, settings.safetyMarginMs, deps.log),
      offsets: createOffsetTracker(),
      topics: createTopicTracker({ connector, topics: deps.stores.topics, trackingEnabled: settings.topicTrackingEnabled, ...topicCreator(deps, record) }),
      lease,
      lastRenewAt: deps.clock.now(),
      lastCommitAt: startedAt,
      idle: false,
      stats: { batches: 0, polled: 0, produced: 0, failed: 0, deadLettered: 0, commits: 0 },
    },
  };
}

function topicCreator(deps: ResolvedDeps, record: ConnectorRecord): { creator?: () => TopicCreator } {
  const factory = deps.topicCreation;
  return factory === undefined ? {} : { creator: () => factory(record.config) };
}

function isSource(deps: ResolvedDeps, record: ConnectorRecord): boolean {
  try {
    return isSourceConnectorDescriptor(deps.registry.connector(record.config['connector.class'] ?? ''));
  } catch {
    return false;
  }
}
