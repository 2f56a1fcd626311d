/**
 * Kafka's DeadLetterQueueReporter context headers (`errors.deadletterqueue.context.headers.enable`):
 * names, order and UTF-8 string values as `populateContextHeaders` writes them.
 */
import type { RecordHeader } from '#lib/kafka/producer-port';
import { exceptionClassName, exceptionMessage, stackTrace } from './exception-rendering';
import type { ProcessingContext } from './processing-context';
import type { ConnectorTaskId } from './task-id';

export const HEADER_PREFIX = '__connect.errors.';
export const ERROR_HEADER_ORIG_TOPIC = `${HEADER_PREFIX}topic`;
export const ERROR_HEADER_ORIG_PARTITION = `${HEADER_PREFIX}partition`;
export const ERROR_HEADER_ORIG_OFFSET = `${HEADER_PREFIX}offset`;
export const ERROR_HEADER_CONNECTOR_NAME = `${HEADER_PREFIX}connector.name`;
export const ERROR_HEADER_TASK_ID = `${HEADER_PREFIX}task.id`;
export const ERROR_HEADER_STAGE = `${HEADER_PREFIX}stage`;
export const ERROR_HEADER_EXECUTING_CLASS = `${HEADER_PREFIX}class.name`;
export const ERROR_HEADER_EXCEPTION = `${HEADER_PREFIX}exception.class.name`;
export const ERROR_HEADER_EXCEPTION_MESSAGE = `${HEADER_PREFIX}exception.message`;
export const ERROR_HEADER_EXCEPTION_STACK_TRACE = `${HEADER_PREFIX}exception.stacktrace`;

/** Where the failed record came from (sinks) or was going (sources: topic only). */
export interface OriginalCoordinates {
  readonly topic: string;
  readonly partition?: number;
  readonly offset?: bigint;
}

const encoder = new TextEncoder();

function header(key: string, value: string | null): RecordHeader {
  return { key, value: value === null ? null : encoder.encode(value) };
}

export function contextHeaders(original: OriginalCoordinates | null, taskId: ConnectorTaskId, context: ProcessingContext<unknown>): RecordHeader[] {
  const headers: RecordHeader[] = [];
  if (original) {
    headers.push(header(ERROR_HEADER_ORIG_TOPIC, original.topic));
    if (original.partition !== undefined) headers.push(header(ERROR_HEADER_ORIG_PARTITION, String(original.partition)));
    if (original.offset !== undefined) headers.push(header(ERROR_HEADER_ORIG_OFFSET, String(original.offset)));
  }
  headers.push(header(ERROR_HEADER_CONNECTOR_NAME, taskId.connector));
  headers.push(header(ERROR_HEADER_TASK_ID, String(taskId.task)));
  headers.push(header(ERROR_HEADER_STAGE, context.stage));
  headers.push(header(ERROR_HEADER_EXECUTING_CLASS, context.executingClass));
  if (context.failed()) {
    headers.push(header(ERROR_HEADER_EXCEPTION, exceptionClassName(context.error)));
    headers.push(header(ERROR_HEADER_EXCEPTION_MESSAGE, exceptionMessage(context.error)));
    headers.push(header(ERROR_HEADER_EXCEPTION_STACK_TRACE, stackTrace(context.error)));
  }
  return headers;
}
