/**
 * The shape every benchmark section has, so `bench/run.ts` can run them all and print one table.
 * Later sections (a raw kafkajs producer vs pipeline + producer against a broker, a sink into
 * PostgreSQL) add a module to the list in run.ts; a module whose stand-in is missing returns a row
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

export interface BenchModule {
  /** Selects the module on the command line: `npm run bench -- <name>…`. */
  readonly name: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}
