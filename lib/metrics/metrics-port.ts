/**
 * The port the runtime reports metrics through. `record` only buffers; `flush` hands everything
 * recorded since the last flush to the sink (one EMF document per dimension set, see emf-metrics.ts)
 * and empties the buffer. The runtime flushes once per source window and once per sink batch, never
 * per record. Neither method does I/O that can fail the caller: adapters write synchronously.
 */

/** The CloudWatch units the runtime uses (a subset of the EMF spec's unit names). */
export type MetricUnit = 'Count' | 'Percent' | 'Milliseconds' | 'Seconds' | 'Bytes' | 'Count/Second' | 'None';

/** Dimension name → value; every value a non-empty string. */
export type MetricDimensions = Readonly<Record<string, string>>;

export interface MetricsPort {
  /** Throws MetricsError on a malformed datum (a programming error, never data-dependent). */
  record(name: string, value: number, unit: MetricUnit, dimensions: MetricDimensions): void;
  flush(): void;
}

/** One recorded value. */
export interface MetricDatum {
  readonly name: string;
  readonly value: number;
  readonly unit: MetricUnit;
  readonly dimensions: MetricDimensions;
}

export class MetricsError extends Error {
  override readonly name = 'MetricsError';
}
