/**
 * Pins the benchmark to one CPU: re-runs this process under `taskset -c 0` (Linux) unless it is
 * already pinned, so results do not depend on how many cores the machine has for V8's GC and
 * compiler threads. `--semi-space=<MB>` on the command line becomes V8's `--max-semi-space-size`
 * for the pinned run (a bigger young generation promotes less of a batch that is kept until put).
 * Returns true when the caller should go on measuring in this process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PINNED = 'LAMBDA_CONNECT_BENCH_PINNED';
const TASKSET = '/usr/bin/taskset';

export function ensureOneCore(): boolean {
  if (process.env[PINNED] !== undefined || process.platform !== 'linux' || !existsSync(TASKSET)) return true;
  const semiSpace = process.argv.find((a) => a.startsWith('--semi-space='))?.slice('--semi-space='.length);
  const v8Flags = semiSpace === undefined ? [] : [`--max-semi-space-size=${semiSpace}`];
  const result = spawnSync(TASKSET, ['-c', '0', process.execPath, ...v8Flags, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [PINNED]: 'taskset -c 0' },
  });
  process.exitCode = result.status ?? 1;
  return false;
}

/** How this process is pinned and tuned, for the report. */
export function pinning(): string {
  const semiSpace = process.execArgv.find((a) => a.startsWith('--max-semi-space-size='));
  return `${process.env[PINNED] ?? 'not pinned (taskset unavailable)'}${semiSpace === undefined ? '' : `, ${semiSpace}`}`;
}
