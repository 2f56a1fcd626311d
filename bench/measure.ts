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
  while (performance.now() < warmUntil) await discard(runBatch);
  let records = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    await discard(runBatch);
    records += batchSize;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: records / ((cpu.user + cpu.system) / 1e6), wall: records / ((performance.now() - start) / 1000) };
}

/**
 * Runs one batch and drops its result. Awaiting `runBatch()` in the loop itself can leave the last
 * result in the loop's frame while the next batch runs (a register not yet overwritten, which V8
 * scans as live), so a pipeline that works synchronously would carry a whole extra batch through
 * every scavenge; a real runner drops each batch's result before it takes the next.
 */
async function discard(runBatch: () => Promise<unknown> | unknown): Promise<void> {
  await runBatch();
}
