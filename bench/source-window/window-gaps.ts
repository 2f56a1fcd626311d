/**
 * The gap between chained windows, from the window phases: a window's last offset commit to the end
 * of the next window's first poll (claim, lease, task start and RUNNING status, the first poll with
 * its committed-offset read, and the in-process invoke in between).
 */
import type { PhaseInfo, WindowPhase } from '#lib/runtime/source/types';

export interface WindowGaps {
  onPhase(phase: WindowPhase, info: PhaseInfo): void;
  /** Gaps in ms, in window order. */
  gaps(): number[];
}

export function trackWindowGaps(now: () => number = () => performance.now()): WindowGaps {
  const lastCommit = new Map<string, number>();
  const firstPolls: Array<{ invocationId: string; at: number }> = [];
  return {
    onPhase(phase, info) {
      if (phase === 'after-commit') lastCommit.set(info.invocationId, now());
      if (phase === 'after-poll' && info.batch === 1) firstPolls.push({ invocationId: info.invocationId, at: now() });
    },
    gaps() {
      return firstPolls.slice(1).flatMap(({ at }, i) => {
        const committed = lastCommit.get(firstPolls[i]?.invocationId ?? '');
        return committed === undefined ? [] : [at - committed];
      });
    },
  };
}
