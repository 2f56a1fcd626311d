/**
 * A source task's pipeline from its connector config: the transformation chain, converters
 * (connector config, else worker defaults) and the error handler of its `errors.*` keys —
 * including a DLQ when `errors.deadletterqueue.topic.name` is set (our extension for sources).
 */
import type { SourceRecord } from '#lib/data/connect-record';
import { sourceRecordDeadLetter } from '#lib/runtime/errors/dead-letter-content';
import { parseErrorHandlingConfig } from '#lib/runtime/errors/error-handling-config';
import { appendSourceRecord } from '#lib/runtime/errors/log-reporter';
import type { RetryWithToleranceOperator } from '#lib/runtime/errors/retry-with-tolerance-operator';
import type { SourceRecordProgress } from '#lib/runtime/errors/source-record-progress';
import { createConverterSet, DEFAULT_WORKER_CONVERTERS } from './converter-set';
import { createErrorHandling } from './error-handling';
import type { PipelineOptions } from './pipeline-options';
import { createTransformationChain } from '#lib/transforms/create-transformation-chain';
import { createSourcePipelineFromParts } from './source-pipeline';
import type { SourcePipeline } from './types';

export interface ConfiguredSourcePipeline extends SourcePipeline {
  readonly operator: RetryWithToleranceOperator<SourceRecordProgress>;
}

export function createSourcePipeline(config: Readonly<Record<string, string>>, options: PipelineOptions<SourceRecordProgress>): ConfiguredSourcePipeline {
  const errors = parseErrorHandlingConfig(config);
  const taskId = { connector: options.connectorName, task: options.taskId };
  const kind = { appendMessage: (p: SourceRecordProgress) => appendSourceRecord(p.original), deadLetterContent: sourceRecordDeadLetter };
  const operator = createErrorHandling(errors, taskId, kind, options);
  const converters = createConverterSet(options.registry, config, options.workerDefaults ?? DEFAULT_WORKER_CONVERTERS);
  const transformations = createTransformationChain<SourceRecord>({ registry: options.registry, config }).stages;
  return { ...createSourcePipelineFromParts({ converters, transformations, operator }), operator };
}
