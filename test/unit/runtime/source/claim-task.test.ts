import { describe, expect, it } from 'vitest';
import { harness, uniqueName } from './harness';

describe('a source window that should not run', () => {
  it('does nothing for a deleted connector', async () => {
    const h = harness();
    expect(await h.run('gone', { generation: 1 })).toMatchObject({ outcome: 'skipped', reason: 'deleted', batches: 0 });
  });

  it('does nothing for a paused connector', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    await h.herder.pauseConnector(name);
    expect(await h.run(name)).toMatchObject({ outcome: 'skipped', reason: 'not-started' });
    expect(behaviour.starts).toEqual([]);
  });

  it('does nothing when the generation moved on since the dispatch', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name);
    expect(await h.run(name, { generation: 0 })).toMatchObject({ outcome: 'skipped', reason: 'generation-moved-on' });
  });

  it('does nothing for a task id the connector does not have', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name);
    expect(await h.run(name, { taskId: 1 })).toMatchObject({ outcome: 'skipped', reason: 'unknown-task' });
  });

  it('does nothing for a sink connector', async () => {
    const h = harness();
    const name = uniqueName();
    await h.herder.createConnector(name, { 'connector.class': 'FileStreamSink', topics: 't', file: '/tmp/out.txt' });
    expect(await h.run(name)).toMatchObject({ outcome: 'skipped', reason: 'not-a-source' });
  });

  it('leaves a FAILED task alone until the herder restarts it', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.startError = new Error('cannot connect');
    expect(await h.run(name)).toMatchObject({ outcome: 'failed' });
    behaviour.startError = undefined;
    expect(await h.run(name)).toMatchObject({ outcome: 'skipped', reason: 'task-failed' });
    await h.herder.restartTask(name, 0);
    expect(await h.run(name)).toMatchObject({ outcome: 'completed' });
  });

  it('lets only one of two concurrent invocations poll the task', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name);
    const [a, b] = await Promise.all([h.run(name), h.run(name)]);
    expect([a.outcome, b.outcome].sort()).toEqual(['completed', 'skipped']);
    expect([a.reason, b.reason]).toContain('lease-held');
    expect(behaviour.starts).toHaveLength(1);
  });

  it('runs once the previous window released the lease, under a larger epoch', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name);
    const first = await h.run(name);
    const second = await h.run(name);
    expect([first.epoch, second.epoch]).toEqual([1, 2]);
  });
});
