/**
 * Metrics kept in memory (tests, and standalone mode when they are to be inspected) and the no-op
 * adapter (standalone mode's default). The memory adapter validates exactly as the EMF adapter does.
 */
import { validDatum } from './metric-buffer';
import type { MetricDatum, MetricsPort } from './metrics-port';

export interface MemoryMetrics extends MetricsPort {
  /** One entry per flush that had data, in order. */
  readonly flushes: MetricDatum[][];
  /** The sum of every flushed value of `name` whose dimensions include `dimensions`. */
  total(name: string, dimensions?: Readonly<Record<string, string>>): number;
}

export function createMemoryMetrics(): MemoryMetrics {
  let buffer: MetricDatum[] = [];
  const flushes: MetricDatum[][] = [];
  return {
    flushes,
    record(name, value, unit, dimensions) {
      buffer.push(validDatum(name, value, unit, dimensions));
    },
    flush() {
      if (buffer.length === 0) return;
      flushes.push(buffer);
      buffer = [];
    },
    total(name, dimensions = {}) {
      return flushes
        .flat()
        .filter((d) => d.name === name && Object.entries(dimensions).every(([k, v]) => d.dimensions[k] === v))
        .reduce((sum, d) => sum + d.value, 0);
    },
  };
}

export const noMetrics: MetricsPort = {
  record() {},
  flush() {},
};
