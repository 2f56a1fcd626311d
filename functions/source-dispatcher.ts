/**
 * The EventBridge schedule's target (`rate(1 minute)`): starts one source-task invocation per task
 * of every STARTED source connector. An adapter only; the scheduled event carries nothing it needs.
 */
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import type { DispatchSummary } from '#lib/runtime/source/dispatch';
import { sourceRuntime } from '#lib/wiring';

export const handler = middy<ScheduledEvent, DispatchSummary>().handler(async () => (await sourceRuntime()).dispatch());
