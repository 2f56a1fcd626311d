/**
 * The EventBridge schedule's target (`rate(1 minute)`): starts one source-task invocation per task
 * of every STARTED source connector, and reconciles every sink connector's event source mappings.
 * An adapter only; the scheduled event carries nothing it needs.
 */
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import type { TickSummary } from '#lib/runtime/tick';
import { schedulerTick } from '#lib/wiring';

export const handler = middy<ScheduledEvent, TickSummary>().handler(() => schedulerTick());
