/**
 * Pins the benchmark to one CPU: re-runs this process under `taskset -c 0` (Linux) unless it is
 * already pinned, so results do not depend on how many cores the machine has for V8's GC and
 * compiler threads. Returns true when the caller should go on measuring in this process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PINNED = 'LAMBDA_CONNECT_BENCH_PINNED';
const TASKSET = '/usr/bin/taskset';

export function ensureOneCore(): boolean {
  if (process.env[PINNED] !== undefined || process.platform !== 'linux' || !existsSync(TASKSET)) return true;
  const result = spawnSync(TASKSET, ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [PINNED]: 'taskset -c 0' },
  });
  process.exitCode = result.status ?? 1;
  return false;
}

/** How this process is pinned, for the report. */
export function pinning(): string {
  return process.env[PINNED] ?? 'not pinned (taskset unavailable)';
}
