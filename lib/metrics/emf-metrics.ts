/**
 * The CloudWatch embedded metric format (EMF) adapter: `flush` writes each dimension set's metrics as
 * one JSON document on one line, which CloudWatch Logs turns into metrics when the line reaches a log
 * group (Lambda's stdout). Shape, per the EMF specification:
 *
 *   { "_aws": { "Timestamp": <epoch ms>, "CloudWatchMetrics": [ { "Namespace": "...",
 *       "Dimensions": [["Connector", "ConnectorType", "Task"]], "Metrics": [{ "Name": "...", "Unit": "..." }] } ] },
 *     "Connector": "...", "ConnectorType": "...", "Task": "...", "<metric name>": <number | number[]> }
 *
 * A metric recorded more than once before a flush is written as an array of values (CloudWatch keeps
 * each as a sample, so Sum and SampleCount stay exact); documents are split at 100 metrics and a
 * metric at 100 values.
 */
import { groupByDimensions, MAX_METRICS_PER_DOCUMENT, MAX_VALUES_PER_METRIC, validDatum } from './metric-buffer';
import { MetricsError, type MetricDatum, type MetricDimensions, type MetricsPort, type MetricUnit } from './metrics-port';

export const DEFAULT_NAMESPACE = 'LambdaConnect';

export interface EmfMetricsOptions {
  namespace?: string;
  /** Receives each document as one line (without the newline). Default: process.stdout. */
  write?: (line: string) => void;
  /** Epoch ms for `_aws.Timestamp`. */
  now?: () => number;
}

export interface EmfDocument {
  _aws: { Timestamp: number; CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: MetricUnit }> }> };
  [member: string]: unknown;
}

export function createEmfMetrics(options: EmfMetricsOptions = {}): MetricsPort {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  if (namespace.trim() === '' || namespace.length > 255) throw new MetricsError(`Invalid metrics namespace ${JSON.stringify(namespace)}`);
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const now = options.now ?? Date.now;
  let buffer: MetricDatum[] = [];
  return {
    record(name, value, unit, dimensions) {
      buffer.push(validDatum(name, value, unit, dimensions));
    },
    flush() {
      if (buffer.length === 0) return;
      const data = buffer;
      buffer = [];
      for (const document of emfDocuments(namespace, now(), data)) write(JSON.stringify(document));
    },
  };
}

/** The EMF documents for the data: one per dimension set (more past 100 metrics or 100 values). */
export function emfDocuments(namespace: string, timestamp: number, data: readonly MetricDatum[]): EmfDocument[] {
  const documents: EmfDocument[] = [];
  for (const group of groupByDimensions(data)) {
    for (const chunk of metricChunks(group.data)) documents.push(emfDocument(namespace, timestamp, group.dimensions, chunk));
  }
  return documents;
}

interface MetricValues {
  name: string;
  unit: MetricUnit;
  values: number[];
}

/** Values per metric name, split into documents of at most 100 metrics with at most 100 values each. */
function metricChunks(data: readonly MetricDatum[]): MetricValues[][] {
  const byName = new Map<string, MetricValues[]>();
  for (const { name, value, unit } of data) {
    const parts = byName.get(name) ?? [];
    const last = parts[parts.length - 1];
    if (last !== undefined && last.unit !== unit) throw new MetricsError(`Metric ${name} recorded with units ${last.unit} and ${unit}`);
    if (last !== undefined && last.values.length < MAX_VALUES_PER_METRIC) last.values.push(value);
    else parts.push({ name, unit, values: [value] });
    byName.set(name, parts);
  }
  // The n-th part of every metric goes into the n-th round of documents: a name appears once per document.
  const rounds: MetricValues[][] = [];
  for (const parts of byName.values()) parts.forEach((part, i) => (rounds[i] ??= []).push(part));
  return rounds.flatMap((round) => {
    const chunks: MetricValues[][] = [];
    for (let i = 0; i < round.length; i += MAX_METRICS_PER_DOCUMENT) chunks.push(round.slice(i, i + MAX_METRICS_PER_DOCUMENT));
    return chunks;
  });
}

function emfDocument(namespace: string, timestamp: number, dimensions: MetricDimensions, metrics: readonly MetricValues[]): EmfDocument {
  const document: EmfDocument = {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [Object.keys(dimensions)], Metrics: metrics.map(({ name, unit }) => ({ Name: name, Unit: unit })) }],
    },
    ...dimensions,
  };
  for (const { name, values } of metrics) document[name] = values.length === 1 ? values[0] : values;
  return document;
}
