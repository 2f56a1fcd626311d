/**
 * TaskInvoker over Lambda's asynchronous Invoke (InvocationType Event): Lambda queues the event and
 * answers 202 at once. SDK errors are translated here, so no SDK type leaves the adapter: throttling
 * and service failures are retriable, everything else is not.
 */
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { InternalError, RetriableError } from '#lib/errors';
import type { TaskInvoker } from './task-invoker';

export interface LambdaTaskInvokerOptions {
  client: Pick<LambdaClient, 'send'>;
  /** The source-task function's name or ARN. */
  functionName: string;
}

const RETRIABLE = new Set(['TooManyRequestsException', 'ServiceException', 'EC2ThrottledException', 'ResourceNotReadyException', 'ResourceConflictException', 'TimeoutError']);

export function createLambdaTaskInvoker({ client, functionName }: LambdaTaskInvokerOptions): TaskInvoker {
  return {
    async invokeSourceTask(invocation) {
      const action = `invoking ${functionName} for ${invocation.connector}-${invocation.taskId}`;
      let statusCode: number | undefined;
      try {
        const command = new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(invocation)) });
        statusCode = (await client.send(command)).StatusCode;
      } catch (error) {
        throw translateLambdaError(error, action);
      }
      if (statusCode !== 202) throw new InternalError(`Lambda answered ${statusCode ?? 'nothing'} instead of 202 while ${action}`);
    },
  };
}

function translateLambdaError(error: unknown, action: string): Error {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  const name = typeof shape.name === 'string' ? shape.name : 'Error';
  const message = `Lambda refused ${action}: ${name}: ${typeof shape.message === 'string' ? shape.message : String(error)}`;
  const retriable = RETRIABLE.has(name) || (shape.$metadata?.httpStatusCode ?? 0) >= 500 || (error as { code?: unknown }).code === 'ECONNREFUSED';
  return retriable ? new RetriableError(message, { cause: error }) : new InternalError(message, { cause: error });
}
