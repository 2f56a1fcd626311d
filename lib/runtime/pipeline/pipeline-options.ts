/** What both pipeline factories need besides the connector config. */
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import type { ErrorHandlingOptions } from './error-handling';

export interface PipelineOptions<O> extends ErrorHandlingOptions<O> {
  /** Where converter, transformation and predicate classes are looked up. */
  registry: PluginRegistry;
  /** The worker's `key.converter` / `value.converter` / `header.converter` settings (with their sub-keys); default DEFAULT_WORKER_CONVERTERS. */
  workerDefaults?: Readonly<Record<string, string>>;
  connectorName: string;
  taskId: number;
}
