import { describe, expect, it } from 'vitest';
import { createInProcessTaskInvoker } from '#lib/runtime/source/in-process-task-invoker';
import type { SourceTaskInvocation } from '#lib/runtime/source/types';
import { silentLog } from './harness';

const TASK: SourceTaskInvocation = { connector: 'c', taskId: 0, generation: 1 };

describe('the in-process task invoker', () => {
  it('returns before the window runs, like an asynchronous invoke', async () => {
    const ran: string[] = [];
    const invoker = createInProcessTaskInvoker(async (_, id) => void ran.push(id), silentLog);
    await invoker.invokeSourceTask(TASK);
    expect(ran).toEqual([]);
    await invoker.idle();
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('waits for windows that start successors while it waits', async () => {
    let runs = 0;
    const invoker = createInProcessTaskInvoker(async () => {
      runs += 1;
      if (runs < 3) await invoker.invokeSourceTask(TASK);
    }, silentLog);
    await invoker.invokeSourceTask(TASK);
    await invoker.idle();
    expect(runs).toBe(3);
    expect(invoker.history).toHaveLength(3);
  });

  it('keeps a failing window from escaping', async () => {
    const invoker = createInProcessTaskInvoker(async () => {
      throw new Error('crash');
    }, silentLog);
    await invoker.invokeSourceTask(TASK);
    await expect(invoker.idle()).resolves.toBeUndefined();
  });

  it('waits for running windows on close and refuses new ones after', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const invoker = createInProcessTaskInvoker(async () => {
      runs += 1;
      await new Promise<void>((resolve) => (release = resolve));
    }, silentLog);
    await invoker.invokeSourceTask(TASK);
    await new Promise((resolve) => setImmediate(resolve));
    const closing = invoker.close();
    await invoker.invokeSourceTask(TASK);
    release();
    await closing;
    expect(runs).toBe(1);
  });
});
