import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEmfMetrics, emfDocuments } from '#lib/metrics/emf-metrics';
import { MetricsError, type MetricDatum } from '#lib/metrics/metrics-port';

const NOW = 1_763_721_000_000;
const TASK = { Connector: 'orders-source', ConnectorType: 'source', Task: '0' };

function captured(namespace?: string): { lines: string[]; metrics: ReturnType<typeof createEmfMetrics> } {
  const lines: string[] = [];
  const metrics = createEmfMetrics({ ...(namespace ? { namespace } : {}), write: (line) => void lines.push(line), now: () => NOW });
  return { lines, metrics };
}

function golden(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

describe('EMF metrics adapter', () => {
  it('writes one document with the spec shape: _aws metadata, dimension and metric values at the root', () => {
    const { lines, metrics } = captured();
    metrics.record('SourceRecordsPolled', 500, 'Count', TASK);
    metrics.record('SourceRecordsWritten', 498, 'Count', TASK);
    metrics.record('SourceWindowUtilisation', 87.5, 'Percent', TASK);
    metrics.flush();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toEqual(golden('source-window.emf.json'));
  });

  it('writes each document on a single line', () => {
    const { lines, metrics } = captured();
    metrics.record('DlqRecords', 1, 'Count', TASK);
    metrics.flush();
    expect(lines[0]).not.toContain('\n');
  });

  it('writes nothing when nothing was recorded, and empties the buffer on flush', () => {
    const { lines, metrics } = captured();
    metrics.flush();
    metrics.record('DlqRecords', 1, 'Count', TASK);
    metrics.flush();
    metrics.flush();
    expect(lines).toHaveLength(1);
  });

  it('uses the configured namespace', () => {
    const { lines, metrics } = captured('Team/Connect');
    metrics.record('TaskFailed', 1, 'Count', TASK);
    metrics.flush();
    expect(JSON.parse(lines[0] as string)._aws.CloudWatchMetrics[0].Namespace).toBe('Team/Connect');
  });

  it('writes a metric recorded twice in one flush as an array of values', () => {
    const { lines, metrics } = captured();
    metrics.record('SinkLag', 120, 'Milliseconds', TASK);
    metrics.record('SinkLag', 80, 'Milliseconds', TASK);
    metrics.flush();
    const document = JSON.parse(lines[0] as string);
    expect(document.SinkLag).toEqual([120, 80]);
    expect(document._aws.CloudWatchMetrics[0].Metrics).toEqual([{ Name: 'SinkLag', Unit: 'Milliseconds' }]);
  });

  it('writes one document per dimension set (one per task of a sink batch)', () => {
    const { lines, metrics } = captured();
    metrics.record('SinkRecordsPut', 3, 'Count', { ...TASK, ConnectorType: 'sink', Task: '0' });
    metrics.record('SinkRecordsPut', 4, 'Count', { ...TASK, ConnectorType: 'sink', Task: '1' });
    metrics.flush();
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>).map((d) => [d.Task, d.SinkRecordsPut])).toEqual([['0', 3], ['1', 4]]);
  });
});

describe('EMF document limits', () => {
  const datum = (name: string, value = 1): MetricDatum => ({ name, value, unit: 'Count', dimensions: TASK });

  it('splits documents at 100 metrics', () => {
    const data = Array.from({ length: 101 }, (_, i) => datum(`M${i}`));
    const documents = emfDocuments('LambdaConnect', NOW, data);
    expect(documents.map((d) => d._aws.CloudWatchMetrics[0]?.Metrics.length)).toEqual([100, 1]);
    expect(documents[1]?.M100).toBe(1);
    expect(documents[1]?.Connector).toBe('orders-source');
  });

  it('splits a metric at 100 values, so no value is lost', () => {
    const data = Array.from({ length: 150 }, (_, i) => datum('SinkLag', i));
    const documents = emfDocuments('LambdaConnect', NOW, data);
    expect(documents.map((d) => (d.SinkLag as number[]).length)).toEqual([100, 50]);
    expect(documents.flatMap((d) => d.SinkLag as number[])).toEqual(data.map((d) => d.value));
  });

  it('refuses more than 30 dimensions', () => {
    const { metrics } = captured();
    const dimensions = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`D${i}`, 'x']));
    expect(() => metrics.record('TaskFailed', 1, 'Count', dimensions)).toThrow(new MetricsError('Metric TaskFailed: 31 dimensions, at most 30 allowed'));
  });

  it('accepts exactly 30 dimensions', () => {
    const { lines, metrics } = captured();
    const dimensions = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`D${i}`, 'x']));
    metrics.record('TaskFailed', 1, 'Count', dimensions);
    metrics.flush();
    expect(JSON.parse(lines[0] as string)._aws.CloudWatchMetrics[0].Dimensions[0]).toHaveLength(30);
  });

  const malformed: Array<[string, MetricDatum]> = [
    ['a value that is not finite', { name: 'SinkLag', value: Number.NaN, unit: 'Count', dimensions: TASK }],
    ['an empty dimension value', { name: 'SinkLag', value: 1, unit: 'Count', dimensions: { ...TASK, Task: '' } }],
    ['an empty metric name', { name: '', value: 1, unit: 'Count', dimensions: TASK }],
    ['a dimension named like the metric', { name: 'Task', value: 1, unit: 'Count', dimensions: TASK }],
  ];
  it.each(malformed)('refuses %s with a clear error', (_case, { name, value, unit, dimensions }) => {
    const { metrics } = captured();
    expect(() => metrics.record(name, value, unit, dimensions)).toThrow(MetricsError);
  });

  it('refuses one metric recorded with two units', () => {
    const { metrics } = captured();
    metrics.record('SinkLag', 1, 'Milliseconds', TASK);
    metrics.record('SinkLag', 1, 'Seconds', TASK);
    expect(() => metrics.flush()).toThrow('Metric SinkLag recorded with units Milliseconds and Seconds');
  });
});
