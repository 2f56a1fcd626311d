import { describe, expect, it } from 'vitest';
import { restartExecutionName } from '#lib/runtime/restart/restart-executions';
import type { RestartExecutionInput } from '#lib/runtime/restart/types';
import { TEST_SINK } from '#test/unit/herder/herder-harness';
import { createRestartHarness, type RestartHarness } from './restart-harness';

async function automaticRestart(h: RestartHarness): Promise<RestartExecutionInput> {
  await h.herder.createConnector('c', { 'connector.class': TEST_SINK, topics: 't1', 'tasks.max': '1' });
  const record = await h.stores.configs.get('c');
  return { connector: 'c', incarnation: record?.incarnation ?? '', generation: record?.generation ?? 0, restartConnector: false, tasks: [0], reason: 'automatic', attempt: 1, backoffSeconds: 60, poll: { waitSeconds: 1, maxPolls: 1 } };
}

describe('the local restart executor', () => {
  it('starts a name at most once, as Step Functions does', async () => {
    const h = createRestartHarness();
    const input = await automaticRestart(h);

    const started = [await h.local.start('same', input), await h.local.start('same', input)];
    await h.local.close();

    expect(started).toEqual([true, false]);
    expect(h.local.executions()).toHaveLength(1);
  });

  it('aborts an execution waiting in Backoff on close, so that shutdown does not wait for it', async () => {
    const h = createRestartHarness({ backoffMs: 60_000 });
    const input = await automaticRestart(h);
    await h.local.start(restartExecutionName(input), input);
    const started = Date.now();

    await h.local.close();

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(h.local.executions()[0]?.status).toBe('ABORTED');
  });
});
