/**
 * A sink task's pipeline from its connector config: converters (connector config, else worker
 * defaults), the transformation chain, and the error handler of its `errors.*` keys.
 */
import type { SinkRecord } from '#lib/data/connect-record';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { ErrantRecordReporter } from '#lib/plugin/sink-task';
import { consumerRecordDeadLetter } from '#lib/runtime/errors/dead-letter-content';
import { parseErrorHandlingConfig } from '#lib/runtime/errors/error-handling-config';
import { appendConsumerRecord } from '#lib/runtime/errors/log-reporter';
import type { RetryWithToleranceOperator } from '#lib/runtime/errors/retry-with-tolerance-operator';
import { createConverterSet, DEFAULT_WORKER_CONVERTERS } from './converter-set';
import { createErrantRecordReporter } from './errant-record-reporter';
import { createErrorHandling } from './error-handling';
import type { PipelineOptions } from './pipeline-options';
import type { SinkPipeline } from './types';
import { createTransformationChain } from '#lib/transforms/create-transformation-chain';
import { createSinkPipelineFromParts, originOf } from './sink-pipeline';

export interface ConfiguredSinkPipeline extends SinkPipeline {
  /** The task's error handler: its metrics, and `triggerStop()` to cut retries short. */
  readonly operator: RetryWithToleranceOperator<ConsumerRecord>;
  /** For `SinkTaskContext.errantRecordReporter()`: null unless a DLQ topic or errors.log.enable is set. */
  readonly errantRecordReporter: ErrantRecordReporter | null;
}

export function createSinkPipeline(config: Readonly<Record<string, string>>, options: PipelineOptions<ConsumerRecord>): ConfiguredSinkPipeline {
  const errors = parseErrorHandlingConfig(config);
  const taskId = { connector: options.connectorName, task: options.taskId };
  const operator = createErrorHandling(errors, taskId, { appendMessage: appendConsumerRecord, deadLetterContent: consumerRecordDeadLetter }, options);
  const converters = createConverterSet(options.registry, config, options.workerDefaults ?? DEFAULT_WORKER_CONVERTERS);
  const transformations = createTransformationChain<SinkRecord>({ registry: options.registry, config }).stages;
  const pipeline = createSinkPipelineFromParts({ converters, transformations, operator });
  const enabled = errors.dlqTopicName !== '' || errors.logEnable;
  return {
    ...pipeline,
    operator,
    errantRecordReporter: enabled ? createErrantRecordReporter({ operator, converters, originOf }) : null,
  };
}
