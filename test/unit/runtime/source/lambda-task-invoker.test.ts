/** The Lambda adapter against a local HTTP endpoint that speaks Lambda's Invoke API. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalError, RetriableError } from '#lib/errors';
import { createLambdaTaskInvoker } from '#lib/runtime/source/lambda-task-invoker';

interface Call {
  method: string;
  path: string;
  invocationType: string | undefined;
  body: string;
}

let server: Server;
let client: LambdaClient;
const calls: Call[] = [];
let answer: { status: number; errorType?: string } = { status: 202 };

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', path: decodeURIComponent(req.url ?? ''), invocationType: req.headers['x-amz-invocation-type'] as string | undefined, body });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.errorType) headers['x-amzn-errortype'] = answer.errorType;
      res.writeHead(answer.status, headers).end(answer.errorType ? JSON.stringify({ Type: 'User', message: 'refused' }) : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new LambdaClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('the Lambda task invoker', () => {
  it('invokes the source-task function asynchronously with the invocation as payload', async () => {
    answer = { status: 202 };
    calls.length = 0;
    await createLambdaTaskInvoker({ client, functionName: 'lc-source-task' }).invokeSourceTask({ connector: 'orders', taskId: 3, generation: 9 });
    expect(calls).toEqual([{ method: 'POST', path: '/2015-03-31/functions/lc-source-task/invocations', invocationType: 'Event', body: '{"connector":"orders","taskId":3,"generation":9}' }]);
  });

  it('turns throttling into a retriable error', async () => {
    answer = { status: 429, errorType: 'TooManyRequestsException' };
    const invoke = createLambdaTaskInvoker({ client, functionName: 'lc-source-task' }).invokeSourceTask({ connector: 'orders', taskId: 0, generation: 1 });
    await expect(invoke).rejects.toBeInstanceOf(RetriableError);
  });

  it('turns a refusal into a non-retriable error naming the function', async () => {
    answer = { status: 404, errorType: 'ResourceNotFoundException' };
    const invoke = createLambdaTaskInvoker({ client, functionName: 'lc-source-task' }).invokeSourceTask({ connector: 'orders', taskId: 0, generation: 1 });
    await expect(invoke).rejects.toThrow(InternalError);
    await expect(invoke).rejects.toThrow(/invoking lc-source-task for orders-0: ResourceNotFoundException/);
  });

  it('rejects an answer other than 202 Accepted', async () => {
    answer = { status: 200 };
    const invoke = createLambdaTaskInvoker({ client, functionName: 'lc-source-task' }).invokeSourceTask({ connector: 'orders', taskId: 0, generation: 1 });
    await expect(invoke).rejects.toThrow('Lambda answered 200 instead of 202 while invoking lc-source-task for orders-0');
  });
});
