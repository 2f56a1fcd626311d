/**
 * Kafka's `LogReporter`: with `errors.log.enable=true`, logs every failure as
 * `Error encountered in task <connector>-<task>. Executing stage '<STAGE>' with class '<class>'[, where …].`
 * with the error; `errors.log.include.messages=true` adds the record (sinks: its coordinates;
 * sources: `SourceRecord.toString()`). Logging needs no flush.
 */
import type { SourceRecord } from '#lib/data/connect-record';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { Logger } from '#lib/logging/logger';
import type { ErrorHandlingConfig } from './error-handling-config';
import type { ErrorHandlingMetrics } from './error-handling-metrics';
import type { ErrorReporter } from './error-reporter';
import type { ProcessingContext } from './processing-context';
import { describeConsumerRecord, describeSourceRecord } from './record-rendering';
import type { ConnectorTaskId } from './task-id';

export interface LogReporterOptions<O> {
  taskId: ConnectorTaskId;
  config: Pick<ErrorHandlingConfig, 'logEnable' | 'logIncludeMessages'>;
  logger: Logger;
  metrics?: ErrorHandlingMetrics;
  /** How the original record is appended when messages are included, e.g. `, where consumed record is {…}`. */
  appendMessage: (original: O) => string;
}

export interface LogReporter<O> extends ErrorReporter<O> {
  /** The message logged for this context (Kafka's `message`). */
  message(context: ProcessingContext<O>): string;
}

export function createLogReporter<O>(options: LogReporterOptions<O>): LogReporter<O> {
  const { taskId, config, logger, metrics, appendMessage } = options;
  const message = (context: ProcessingContext<O>): string =>
    `Error encountered in task ${taskId.connector}-${taskId.task}. ` +
    `Executing stage '${context.stage}' with class '${context.executingClass}'` +
    `${config.logIncludeMessages ? appendMessage(context.original) : ''}.`;
  return {
    message,
    report(context) {
      if (!config.logEnable || !context.failed()) return;
      logger.error(message(context), { error: context.error });
      if (metrics) metrics.errorsLogged++;
    },
    flush: () => Promise.resolve(),
  };
}

/** LogReporter.Sink's rendering of the consumed record. */
export function appendConsumerRecord(original: ConsumerRecord): string {
  return `, where consumed record is ${describeConsumerRecord(original)}`;
}

/** LogReporter.Source's rendering of the record the task returned. */
export function appendSourceRecord(original: SourceRecord): string {
  return `, where source record is = ${describeSourceRecord(original)}`;
}
