/**
 * Pins the benchmark to one CPU: runs a measuring process under `taskset -c 0` (Linux) unless this
 * process is already pinned, so results do not depend on how many cores the machine has for V8's GC
 * and compiler threads. `--semi-space=<MB>` on the command line becomes V8's `--max-semi-space-size`
 * for the pinned process (a bigger young generation promotes less of a batch that is kept until put).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PINNED = 'LAMBDA_CONNECT_BENCH_PINNED';
const TASKSET = '/usr/bin/taskset';

export interface PinnedCommand {
  readonly command: string;
  readonly args: string[];
  readonly env: NodeJS.ProcessEnv;
}

/** `node <V8 flags> <this process's node options> <scriptAndArgs…>`, under taskset when it can pin. */
export function pinnedCommand(scriptAndArgs: readonly string[]): PinnedCommand {
  const semiSpace = process.argv.find((a) => a.startsWith('--semi-space='))?.slice('--semi-space='.length);
  const hasSemiSpace = process.execArgv.some((a) => a.startsWith('--max-semi-space-size='));
  const v8Flags = semiSpace === undefined || hasSemiSpace ? [] : [`--max-semi-space-size=${semiSpace}`];
  const node = [...v8Flags, ...process.execArgv, ...scriptAndArgs];
  if (!canPin()) return { command: process.execPath, args: node, env: process.env };
  return { command: TASKSET, args: ['-c', '0', process.execPath, ...node], env: { ...process.env, [PINNED]: 'taskset -c 0' } };
}

/**
 * For `--in-process` runs: re-runs this process pinned unless it already is. Returns true when the
 * caller should go on measuring in this process.
 */
export function ensureOneCore(): boolean {
  if (!canPin()) return true;
  const { command, args, env } = pinnedCommand(process.argv.slice(1));
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  process.exitCode = result.status ?? 1;
  return false;
}

/** How a process started by pinnedCommand is pinned and tuned, for the report (asked in the parent). */
export function childPinning(): string {
  const { args, env } = pinnedCommand([]);
  const semiSpace = args.find((a) => a.startsWith('--max-semi-space-size='));
  return `${env[PINNED] ?? process.env[PINNED] ?? 'not pinned (taskset unavailable)'}${semiSpace === undefined ? '' : `, ${semiSpace}`}`;
}

/** How this process is pinned and tuned, for the report. */
export function pinning(): string {
  const semiSpace = process.execArgv.find((a) => a.startsWith('--max-semi-space-size='));
  return `${process.env[PINNED] ?? 'not pinned (taskset unavailable)'}${semiSpace === undefined ? '' : `, ${semiSpace}`}`;
}

function canPin(): boolean {
  return process.env[PINNED] === undefined && process.platform === 'linux' && existsSync(TASKSET);
}
