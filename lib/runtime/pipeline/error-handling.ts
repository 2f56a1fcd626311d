/**
 * Builds a task's error handler from its `errors.*` config: the retry/tolerance operator with
 * Kafka's reporters — the log reporter (always present, active with `errors.log.enable`) and the
 * DLQ reporter (when `errors.deadletterqueue.topic.name` is set) — plus any extra reporters.
 */
import { InternalError } from '#lib/errors';
import type { ProducerPort } from '#lib/kafka/producer-port';
import { createLogger, type Logger } from '#lib/logging/logger';
import { createDeadLetterQueueReporter, type DeadLetterContent } from '#lib/runtime/errors/dead-letter-queue-reporter';
import type { ErrorHandlingConfig } from '#lib/runtime/errors/error-handling-config';
import { createErrorHandlingMetrics } from '#lib/runtime/errors/error-handling-metrics';
import type { ErrorReporter } from '#lib/runtime/errors/error-reporter';
import { createLogReporter } from '#lib/runtime/errors/log-reporter';
import { RetryWithToleranceOperator, type OperatorDeps } from '#lib/runtime/errors/retry-with-tolerance-operator';
import type { ConnectorTaskId } from '#lib/runtime/errors/task-id';

export interface ErrorHandlingOptions<O> extends Pick<OperatorDeps<O>, 'clock' | 'sleep' | 'random' | 'metrics'> {
  /** Where DLQ records go; required when the config names a DLQ topic. */
  producer?: ProducerPort;
  /** Defaults to Kafka's logger names (`…runtime.errors.LogReporter` / `…DeadLetterQueueReporter`). */
  logger?: Logger;
  /** Reporters besides the log and DLQ reporters, called after them. */
  reporters?: readonly ErrorReporter<O>[];
}

export interface RecordKind<O> {
  appendMessage: (original: O) => string;
  deadLetterContent: (original: O) => DeadLetterContent;
}

export function createErrorHandling<O>(config: ErrorHandlingConfig, taskId: ConnectorTaskId, kind: RecordKind<O>, options: ErrorHandlingOptions<O> = {}): RetryWithToleranceOperator<O> {
  const metrics = options.metrics ?? createErrorHandlingMetrics();
  const reporters: ErrorReporter<O>[] = [
    createLogReporter({ taskId, config, metrics, appendMessage: kind.appendMessage, logger: options.logger ?? createLogger('org.apache.kafka.connect.runtime.errors.LogReporter') }),
  ];
  if (config.dlqTopicName !== '') {
    if (!options.producer) throw new InternalError(`A producer is needed for the dead letter queue topic ${config.dlqTopicName}`);
    reporters.push(
      createDeadLetterQueueReporter({
        topic: config.dlqTopicName,
        contextHeadersEnable: config.dlqContextHeadersEnable,
        taskId,
        producer: options.producer,
        content: kind.deadLetterContent,
        metrics,
        logger: options.logger ?? createLogger('org.apache.kafka.connect.runtime.errors.DeadLetterQueueReporter'),
      }),
    );
  }
  reporters.push(...(options.reporters ?? []));
  return new RetryWithToleranceOperator<O>(config, { ...options, reporters, metrics });
}
