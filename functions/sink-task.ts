/**
 * The sink-task function, invoked by Lambda's Kafka event source mappings (MSK or self-managed)
 * through one alias per sink connector. An adapter only: the event is decoded into per-partition
 * records, the alias comes from the invoked ARN, and the sink runtime handles the batch. A rejection
 * fails the invocation, so the mapping commits nothing and delivers the batch again.
 * The remaining time is read once, here: the runtime turns it into its deadline (batch-deadline.ts).
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { decodeKafkaEvent, type KafkaEvent } from '#lib/runtime/sink/msk-event';
import { qualifierOf } from '#lib/runtime/sink/mapping-names';
import type { SinkBatchSummary } from '#lib/runtime/sink/types';
import { sinkRuntime } from '#lib/wiring';

export const handler = middy<KafkaEvent, SinkBatchSummary, Error, Context>().handler(async (event, context) => {
  const runtime = await sinkRuntime();
  return runtime.handleBatch(decodeKafkaEvent(event), {
    alias: qualifierOf(context.invokedFunctionArn),
    invocationId: context.awsRequestId,
    workerId: `${context.functionName}/${context.awsRequestId}`,
    remainingTimeMs: context.getRemainingTimeInMillis(),
  });
});
