/**
 * Throughput of an async batch operation: warm up, then run batches back to back for a fixed time.
 * The rate is per CPU-second of this process (all its threads, pinned to one core by run.ts), so a
 * busy machine slows the run down without lowering the numbers; on an idle core it equals the
 * wall-clock rate. GC time is included.
 */
export interface Rate {
  /** Records per CPU-second. */
  readonly cpu: number;
  /** Records per wall-clock second. */
  readonly wall: number;
}

export async function measureRate(batchSize: number, runBatch: () => Promise<unknown> | unknown, seconds: number): Promise<Rate> {
  const warmUntil = performance.now() + Math.min(1000, seconds * 500);
  while (performance.now() < warmUntil) await runBatch();
  let records = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    await runBatch();
    records += batchSize;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: records / ((cpu.user + cpu.system) / 1e6), wall: records / ((performance.now() - start) / 1000) };
}
