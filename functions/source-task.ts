/**
 * One polling window of one source task, invoked asynchronously by the dispatcher or by the
 * previous window of a busy task. An adapter only: the event `{ connector, taskId, generation }`
 * and the Lambda context's request id and remaining time go to the runtime; its summary is returned.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { SourceWindowSummary } from '#lib/runtime/source/types';
import { sourceRuntime } from '#lib/wiring';

export const handler = middy<unknown, SourceWindowSummary, Error, Context>().handler(async (event, context) => {
  const runtime = await sourceRuntime();
  return runtime.runTask(event, {
    invocationId: context.awsRequestId,
    workerId: `${context.functionName}/${context.awsRequestId}`,
    remainingTimeMs: context.getRemainingTimeInMillis(),
  });
});
