/**
 * Validation and buffering shared by the adapters. The limits are the EMF specification's: at most 30
 * dimensions per dimension set, at most 100 values per metric and 100 metrics per document (the
 * adapter splits documents at 100 metrics); values must be finite numbers.
 */
import { MetricsError, type MetricDatum, type MetricDimensions, type MetricUnit } from './metrics-port';

export const MAX_DIMENSIONS = 30;
export const MAX_METRICS_PER_DOCUMENT = 100;
export const MAX_VALUES_PER_METRIC = 100;

const NAME = /^\S(.{0,253}\S)?$/u;

export function validDatum(name: string, value: number, unit: MetricUnit, dimensions: MetricDimensions): MetricDatum {
  if (!NAME.test(name)) throw new MetricsError(`Invalid metric name ${JSON.stringify(name)}: 1 to 255 characters, no leading or trailing space`);
  if (!Number.isFinite(value)) throw new MetricsError(`Metric ${name}: the value must be a finite number, got ${String(value)}`);
  const keys = Object.keys(dimensions);
  if (keys.length > MAX_DIMENSIONS) throw new MetricsError(`Metric ${name}: ${keys.length} dimensions, at most ${MAX_DIMENSIONS} allowed`);
  for (const key of keys) {
    const dimension = dimensions[key];
    if (!NAME.test(key)) throw new MetricsError(`Metric ${name}: invalid dimension name ${JSON.stringify(key)}`);
    if (key === name) throw new MetricsError(`Metric ${name}: a dimension may not have the metric's name`);
    if (typeof dimension !== 'string' || dimension === '') throw new MetricsError(`Metric ${name}: dimension ${key} needs a non-empty string value`);
  }
  return { name, value, unit, dimensions: { ...dimensions } };
}

/** The data grouped by dimension set (same names and values), groups and names in first-recorded order. */
export function groupByDimensions(data: readonly MetricDatum[]): Array<{ dimensions: MetricDimensions; data: MetricDatum[] }> {
  const groups = new Map<string, { dimensions: MetricDimensions; data: MetricDatum[] }>();
  for (const datum of data) {
    const key = JSON.stringify(Object.entries(datum.dimensions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const group = groups.get(key);
    if (group) group.data.push(datum);
    else groups.set(key, { dimensions: datum.dimensions, data: [datum] });
  }
  return [...groups.values()];
}
