import { BadRequestError } from '#lib/errors';

/** Task ids are Java ints ≥ 0; the DynamoDB adapter zero-pads them to this many digits in sort keys. */
export const MAX_TASK_ID = 2_147_483_647;

/** Rejects ids that cannot be a Kafka task id, identically in every adapter. */
export function assertTaskId(taskId: number): void {
  if (!Number.isInteger(taskId) || taskId < 0 || taskId > MAX_TASK_ID) {
    throw new BadRequestError(`Invalid task id ${String(taskId)}`);
  }
}
