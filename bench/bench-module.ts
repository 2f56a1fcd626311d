/**
 * The shape every benchmark section has, so `bench/run.ts` can run them all and print one table.
 * A module is a list of cases; run.ts measures each case in a fresh process (V8's heap state after
 * one case — pretenuring decisions, old-space size — otherwise skews the next), as a Lambda container
 * runs one connector's pipeline for its whole life. Rates that are compared with each other, measured
 * in turns (ours vs a raw client), belong to one case. A case whose stand-in is missing returns a row
 * saying so instead of failing the run.
 */
export interface BenchOptions {
  /** Measuring time per case, after warm-up. */
  readonly seconds: number;
}

export interface BenchRow {
  readonly section: string;
  readonly case: string;
  /** Records per CPU-second on one core; null when the case could not run (see note). */
  readonly recordsPerSecond: number | null;
  /** Records per wall-clock second (lower than recordsPerSecond when the machine is busy). */
  readonly wallRecordsPerSecond?: number;
  /** Payload bytes per record, when meaningful. */
  readonly recordBytes?: number;
  readonly note?: string;
}

export interface BenchCase {
  /** Selects the case on the command line (`--case=<part of the name>`) and names it when it fails. */
  readonly name: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}

export interface BenchModule {
  /** Selects the module on the command line: `npm run bench -- <name>…`. */
  readonly name: string;
  /** In table order; each runs in its own process (unless `--in-process`). */
  readonly cases: readonly BenchCase[];
  /**
   * How many times `npm run bench` measures each case by default (`--rounds=N` overrides): every
   * round in fresh processes, rounds one after another over all selected cases, and each row printed
   * as its median round with the range. For short cases on a machine whose speed drifts. Default 1.
   */
  readonly rounds?: number;
}
