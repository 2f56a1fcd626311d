/** Reads the source-task function's event: `{ connector, taskId, generation }`, nothing else assumed. */
import { BadRequestError } from '#lib/errors';
import type { SourceTaskInvocation } from './types';

export function parseSourceTaskInvocation(event: unknown): SourceTaskInvocation {
  const { connector, taskId, generation } = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  if (typeof connector !== 'string' || connector === '') throw invalid('connector must be a non-empty string');
  if (!Number.isSafeInteger(taskId) || (taskId as number) < 0) throw invalid('taskId must be an integer >= 0');
  if (!Number.isSafeInteger(generation) || (generation as number) < 1) throw invalid('generation must be an integer >= 1');
  return { connector, taskId: taskId as number, generation: generation as number };
}

function invalid(reason: string): BadRequestError {
  return new BadRequestError(`Invalid source task event: ${reason}`);
}
