export { createEmfMetrics, emfDocuments, DEFAULT_NAMESPACE, type EmfDocument, type EmfMetricsOptions } from './emf-metrics';
export { createMemoryMetrics, noMetrics, type MemoryMetrics } from './memory-metrics';
export { MetricsError, type MetricDatum, type MetricDimensions, type MetricsPort, type MetricUnit } from './metrics-port';
export { DIMENSION_NAMES, METRICS, recordMetric, taskDimensions, type MetricName } from './metric-names';
