/**
 * `npm run bench [-- <module>… ] [--seconds=N] [--semi-space=MB]`: runs the benchmark modules on one CPU and prints
 * one table. Not a test: nothing here fails on a number. Add a section by adding a BenchModule to
 * MODULES (e.g. a kafkajs producer against a broker, a sink into PostgreSQL).
 */
import { availableParallelism } from 'node:os';
import type { BenchModule, BenchRow } from './bench-module';
import { jdbcSinkBench } from './jdbc-sink';
import { kafkaProducerBench } from './kafka-producer';
import { ensureOneCore, pinning } from './one-core';
import { pipelineBench } from './pipeline/pipeline-bench';
import { sinkPipelineBench } from './sink/sink-pipeline-bench';
import { sourceWindowBench } from './source-window/source-window-bench';
import { formatTable } from './table';

const MODULES: readonly BenchModule[] = [pipelineBench, kafkaProducerBench, sourceWindowBench, jdbcSinkBench, sinkPipelineBench];

async function main(): Promise<void> {
  if (!ensureOneCore()) return;
  const args = process.argv.slice(2);
  const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.slice('--seconds='.length) ?? 3);
  const wanted = args.filter((a) => !a.startsWith('--'));
  const modules = wanted.length === 0 ? MODULES : MODULES.filter((m) => wanted.includes(m.name));
  console.log(`node ${process.version}, ${availableParallelism()} CPUs visible, ${pinning()}, ${seconds}s per case\n`);
  const rows: BenchRow[] = [];
  for (const module of modules) rows.push(...(await module.run({ seconds })));
  console.log(formatTable(rows));
}

await main();
