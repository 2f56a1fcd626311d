/**
 * `npm run bench [-- <module>… ] [--case=<text>] [--seconds=N] [--rounds=N] [--semi-space=MB|node] [--in-process]`:
 * runs the benchmark cases on one CPU and prints one table. Each case runs in its own child process
 * (`node --import tsx bench/run.ts --child=<module>/<index>`, pinned, with the deployed functions' V8
 * heap limits, as one-core.ts does), which
 * writes its rows as JSON to a temp file: a case measured after others in the same process inherits
 * their heap (V8 pretenuring, old-space size) and reads up to a third lower, while a Lambda container
 * runs one pipeline for its life. `--in-process` runs every case in one pinned process, as before.
 * `--case=<text>` keeps the cases whose name contains the text. Not a test: nothing here fails on a
 * number. Add a section by adding a BenchModule to MODULES.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchModule, BenchRow } from './bench-module';
import { jdbcSinkBench } from './jdbc-sink';
import { kafkaProducerBench } from './kafka-producer';
import { childPinning, ensureOneCore, pinnedCommand, pinning } from './one-core';
import { pipelineBench } from './pipeline/pipeline-bench';
import { sinkPipelineBench } from './sink/sink-pipeline-bench';
import { sourceWindowBench } from './source-window/source-window-bench';
import { medianRows } from './rounds';
import { formatTable } from './table';

const MODULES: readonly BenchModule[] = [pipelineBench, kafkaProducerBench, sourceWindowBench, jdbcSinkBench, sinkPipelineBench];

interface Selected {
  readonly module: BenchModule;
  readonly index: number;
  readonly benchCase: BenchCase;
}

function option(args: readonly string[], name: string): string | undefined {
  return args.findLast((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function select(args: readonly string[]): Selected[] {
  const wanted = args.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !MODULES.some((m) => m.name === w));
  if (unknown.length > 0) throw new Error(`unknown bench module(s) ${unknown.join(', ')}; modules: ${MODULES.map((m) => m.name).join(', ')}`);
  const filters = args.filter((a) => a.startsWith('--case=')).map((a) => a.slice('--case='.length));
  const modules = wanted.length === 0 ? MODULES : MODULES.filter((m) => wanted.includes(m.name));
  const selected = modules.flatMap((module) => module.cases.map((benchCase, index) => ({ module, index, benchCase })));
  const kept = filters.length === 0 ? selected : selected.filter(({ benchCase }) => filters.some((f) => benchCase.name.includes(f)));
  if (kept.length === 0) throw new Error(`no bench case matches ${filters.map((f) => `--case=${f}`).join(' ')}; cases:\n${selected.map(({ benchCase }) => `  ${benchCase.name}`).join('\n')}`);
  return kept;
}

/** The child's side: `--child=<module>/<index> --rows-to=<file>` runs one case and writes its rows. */
async function runChild(id: string, rowsTo: string, seconds: number): Promise<void> {
  const [moduleName, index] = id.split('/');
  const benchCase = MODULES.find((m) => m.name === moduleName)?.cases[Number(index)];
  if (benchCase === undefined) throw new Error(`no bench case ${id}`);
  writeFileSync(rowsTo, JSON.stringify(await benchCase.run({ seconds })));
}

/** The parent's side: one pinned child per case, in order; a child that fails becomes a row saying so. */
async function runInChild({ module, index, benchCase }: Selected, seconds: number, dir: string): Promise<BenchRow[]> {
  const rowsTo = join(dir, `${module.name}-${index}.json`);
  const script = process.argv[1] as string;
  const { command, args, env } = pinnedCommand([script, `--child=${module.name}/${index}`, `--rows-to=${rowsTo}`, `--seconds=${seconds}`]);
  const child = spawn(command, args, { stdio: 'inherit', env });
  const exit = await new Promise<string | null>((resolve) => {
    child.once('error', (err) => resolve(err.message));
    child.once('exit', (code, signal) => resolve(code === 0 ? null : `exited with ${signal ?? `code ${code}`}`));
  });
  if (exit !== null) return [{ section: module.name, case: benchCase.name, recordsPerSecond: null, note: `child process ${exit}` }];
  return JSON.parse(readFileSync(rowsTo, 'utf8')) as BenchRow[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seconds = Number(option(args, 'seconds') ?? 3);
  if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, got ${option(args, 'seconds')}`);
  const child = option(args, 'child');
  const rowsTo = option(args, 'rows-to');
  if (child !== undefined) {
    if (rowsTo === undefined) throw new Error('--child needs --rows-to=<file>');
    return runChild(child, rowsTo, seconds);
  }
  const roundsOption = option(args, 'rounds');
  const rounds = roundsOption === undefined ? undefined : Number(roundsOption);
  if (rounds !== undefined && !(Number.isInteger(rounds) && rounds > 0)) throw new Error(`--rounds must be a positive integer, got ${roundsOption}`);
  const inProcess = args.includes('--in-process');
  if (inProcess && !ensureOneCore()) return;
  const selected = select(args);
  const roundsOf = (one: Selected) => rounds ?? one.module.rounds ?? 1;
  const mode = inProcess ? `${availableParallelism()} CPUs visible, ${pinning()}, all cases in this process` : `${childPinning()}, one process per case`;
  const most = Math.max(...selected.map(roundsOf));
  console.log(`node ${process.version}, ${mode}, ${seconds}s per case${most > 1 ? `, up to ${most} rounds (median shown)` : ''}\n`);
  /** Per selected case, its rows of each round. */
  const results: BenchRow[][][] = selected.map(() => []);
  const dir = inProcess ? undefined : mkdtempSync(join(tmpdir(), 'lambda-connect-bench-'));
  try {
    for (let round = 1; round <= most; round++) {
      for (const [i, one] of selected.entries()) {
        if (round > roundsOf(one)) continue;
        const rows = dir === undefined ? await one.benchCase.run({ seconds }) : await runInChild(one, seconds, dir);
        results[i]?.push(rows);
      }
    }
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
  console.log(formatTable(results.flatMap((caseRounds) => medianRows(caseRounds))));
}

await main();
