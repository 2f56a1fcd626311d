import { describe, expect, it } from 'vitest';
import { InternalError } from '#lib/errors';
import { dispatchSourceTasks } from '#lib/runtime/source/dispatch';
import { COUNTING_SOURCE } from './fixtures/counting-source';
import { harness, silentLog, uniqueName } from './harness';

describe('the source task dispatcher', () => {
  it('starts one invocation per task of every STARTED source connector, at its generation', async () => {
    const h = harness();
    const a = uniqueName('a');
    const b = uniqueName('b');
    await h.create(a, { 'tasks.max': '2' });
    await h.create(b);
    await h.herder.patchConnectorConfig(b, { rows: '5' });
    const summary = await dispatchSourceTasks({ stores: h.stores, registry: h.deps.registry, invoker: h.invoker, log: silentLog });
    expect(summary.failed).toEqual([]);
    expect(h.invoker.invoked).toEqual([
      { connector: a, taskId: 0, generation: 1 },
      { connector: a, taskId: 1, generation: 1 },
      { connector: b, taskId: 0, generation: 2 },
    ]);
  });

  it('leaves paused, stopped and sink connectors alone', async () => {
    const h = harness();
    const paused = uniqueName();
    const stopped = uniqueName();
    await h.create(paused);
    await h.create(stopped);
    await h.herder.pauseConnector(paused);
    await h.herder.stopConnector(stopped);
    await h.herder.createConnector(uniqueName('sink'), { 'connector.class': 'FileStreamSink', topics: 't', file: '/tmp/out' });
    await dispatchSourceTasks({ stores: h.stores, registry: h.deps.registry, invoker: h.invoker, log: silentLog });
    expect(h.invoker.invoked).toEqual([]);
  });

  it('does not start a FAILED task', async () => {
    const h = harness();
    const name = uniqueName();
    const behaviour = await h.create(name, { 'tasks.max': '2' });
    behaviour.startError = new Error('down');
    await h.run(name, { taskId: 1 });
    await dispatchSourceTasks({ stores: h.stores, registry: h.deps.registry, invoker: h.invoker, log: silentLog });
    expect(h.invoker.invoked).toEqual([{ connector: name, taskId: 0, generation: 1 }]);
  });

  it('reports the invocations it could not start and carries on', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { 'tasks.max': '2' });
    const invoker = {
      invokeSourceTask: async ({ taskId }: { taskId: number }) => {
        if (taskId === 0) throw new InternalError('AccessDenied');
      },
    };
    const summary = await dispatchSourceTasks({ stores: h.stores, registry: h.deps.registry, invoker, log: silentLog });
    expect(summary).toEqual({
      invoked: [{ connector: name, taskId: 1, generation: 1 }],
      failed: [{ connector: name, taskId: 0, generation: 1, error: 'AccessDenied' }],
    });
  });

  it('ignores a connector whose class is not installed', async () => {
    const h = harness();
    await h.stores.configs.create({ name: 'ghost', config: { name: 'ghost', 'connector.class': 'com.example.Gone' }, targetState: 'STARTED', taskConfigs: [{}] });
    await h.stores.configs.create({ name: 'real', config: { name: 'real', 'connector.class': COUNTING_SOURCE }, targetState: 'STARTED', taskConfigs: [{}] });
    await dispatchSourceTasks({ stores: h.stores, registry: h.deps.registry, invoker: h.invoker, log: silentLog });
    expect(h.invoker.invoked.map((i) => i.connector)).toEqual(['real']);
  });
});
