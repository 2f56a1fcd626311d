/**
 * Pins the benchmark to one CPU: runs a measuring process under `taskset -c 0` (Linux) unless this
 * process is already pinned, so results do not depend on how many cores the machine has for V8's GC
 * and compiler threads. The measuring process gets V8's heap limits as the deployed source-task and
 * sink-task functions have them (`PIPELINE_NODE_OPTIONS`, infra/functions.manifest.ts: for 1024 MB,
 * `--max-semi-space-size=51 --max-old-space-size=922`). `--semi-space=<MB>` on the command line
 * replaces the semi-space size, `--semi-space=node` leaves both limits at Node's defaults.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PIPELINE_NODE_OPTIONS } from '../infra/functions.manifest.ts';

const PINNED = 'LAMBDA_CONNECT_BENCH_PINNED';
const TASKSET = '/usr/bin/taskset';
const HEAP_FLAG = /^--max-(semi|old)-space-size=/;

export interface PinnedCommand {
  readonly command: string;
  readonly args: string[];
  readonly env: NodeJS.ProcessEnv;
}

/** The heap flags for a measuring process: as deployed, or as `--semi-space=` says. */
export function heapFlags(argv: readonly string[] = process.argv): string[] {
  const deployed = PIPELINE_NODE_OPTIONS.split(' ').filter((f) => HEAP_FLAG.test(f));
  const semiSpace = argv.findLast((a) => a.startsWith('--semi-space='))?.slice('--semi-space='.length);
  if (semiSpace === undefined) return deployed;
  if (semiSpace === 'node') return [];
  if (!/^[1-9][0-9]*$/.test(semiSpace)) throw new Error(`--semi-space must be a size in MB or "node", got ${semiSpace}`);
  return deployed.map((f) => (f.startsWith('--max-semi-space-size=') ? `--max-semi-space-size=${semiSpace}` : f));
}

/** `node <heap flags> <this process's node options> <scriptAndArgs…>`, under taskset when it can pin. */
export function pinnedCommand(scriptAndArgs: readonly string[]): PinnedCommand {
  const given = process.execArgv.some((a) => HEAP_FLAG.test(a));
  const node = [...(given ? [] : heapFlags()), ...process.execArgv, ...scriptAndArgs];
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
  return `${env[PINNED] ?? process.env[PINNED] ?? 'not pinned (taskset unavailable)'}, ${describeHeap(args)}`;
}

/** How this process is pinned and tuned, for the report. */
export function pinning(): string {
  return `${process.env[PINNED] ?? 'not pinned (taskset unavailable)'}, ${describeHeap(process.execArgv)}`;
}

function describeHeap(args: readonly string[]): string {
  const flags = args.filter((a) => HEAP_FLAG.test(a));
  if (flags.length === 0) return "V8's default heap limits";
  const deployed = flags.join(' ') === heapFlags([]).join(' ');
  return `${flags.join(' ')}${deployed ? ' (as deployed)' : ''}`;
}

function canPin(): boolean {
  return process.env[PINNED] === undefined && process.platform === 'linux' && existsSync(TASKSET);
}
