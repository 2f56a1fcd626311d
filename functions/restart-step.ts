/**
 * Every Task state of the restart state machine invokes this function with `{ step, input }`
 * (docs/restarts.md). An adapter only: the payload goes to the restart steps, their result back to
 * Step Functions; a thrown error's name (`RestartRetriable`, `RestartSuperseded`) is what the
 * definition's Retry and Catch match.
 */
import middy from '@middy/core';
import { restartStepHandler } from '#lib/wiring';

export const handler = middy<unknown, unknown>().handler(async (event) => (await restartStepHandler())(event));
