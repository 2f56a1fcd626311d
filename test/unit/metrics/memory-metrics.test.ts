import { describe, expect, it } from 'vitest';
import { createMemoryMetrics, noMetrics } from '#lib/metrics/memory-metrics';
import { MetricsError } from '#lib/metrics/metrics-port';

describe('in-memory metrics', () => {
  it('keeps one entry per flush and sums values by name and dimensions', () => {
    const metrics = createMemoryMetrics();
    metrics.record('SinkRecordsPut', 3, 'Count', { Connector: 'a', Task: '0' });
    metrics.record('SinkRecordsPut', 4, 'Count', { Connector: 'b', Task: '0' });
    metrics.flush();
    metrics.record('SinkRecordsPut', 5, 'Count', { Connector: 'a', Task: '1' });
    metrics.flush();
    expect(metrics.flushes).toHaveLength(2);
    expect(metrics.total('SinkRecordsPut', { Connector: 'a' })).toBe(8);
    expect(metrics.total('SinkRecordsPut')).toBe(12);
  });

  it('validates as the EMF adapter does', () => {
    expect(() => createMemoryMetrics().record('X', Number.POSITIVE_INFINITY, 'Count', {})).toThrow(MetricsError);
  });

  it('the no-op adapter accepts and drops everything', () => {
    noMetrics.record('X', 1, 'Count', {});
    expect(() => noMetrics.flush()).not.toThrow();
  });
});
