/**
 * A Lambda `Context` for one in-process invocation, shaped like the one the Node.js runtime passes:
 * names derive from the function name, and `getRemainingTimeInMillis` counts down from the timeout.
 * Nothing enforces the timeout locally; handlers that budget their work by it behave as on AWS.
 */
import type { Context } from 'aws-lambda';

export interface LambdaContextOptions {
  functionName: string;
  awsRequestId: string;
  timeoutMs: number;
  region: string;
  accountId: string;
  memoryLimitInMB?: number;
  now?: () => number;
}

export function createLambdaContext(options: LambdaContextOptions): Context {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const unsupported = (): void => {
    throw new Error('context.done/fail/succeed are not supported: return a value or throw instead');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${options.region}:${options.accountId}:function:${options.functionName}`,
    memoryLimitInMB: String(options.memoryLimitInMB ?? 1024),
    awsRequestId: options.awsRequestId,
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: `standalone/[$LATEST]${process.pid}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
