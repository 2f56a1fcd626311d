import { describe, expect, it } from 'vitest';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { MappingBusyError } from '#lib/runtime/sink/mappings/errors';
import type { SinkMappingPort } from '#lib/runtime/sink/mappings/mapping-port';
import { RECORDING_SINK } from '../fixtures/recording-sink';
import { sinkHooksHarness } from '../hooks-harness';
import { uniqueSink } from '../harness';

function setup(override: (port: SinkMappingPort) => SinkMappingPort = (port) => port) {
  const { stores, hooks, herder } = sinkHooksHarness({ mappings: override, taskFunction: 'lc-sink-task' });
  const create = (name: string, config: Record<string, string> = {}) => herder.createConnector(name, { 'connector.class': RECORDING_SINK, topics: 'orders', 'tasks.max': '2', ...config });
  const tasks = async (name: string) => (await stores.statuses.get(name)).tasks.map((t) => [t.taskId, t.state, t.workerId]);
  return { stores, hooks, herder, create, tasks };
}

describe('the sink hooks’ task statuses', () => {
  it('are RUNNING for every task once a created connector’s mappings are enabled, under <function>:<alias>', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.create(name);
    const worker = `lc-sink-task:${aliasFor(name)}`;
    expect(await s.tasks(name)).toEqual([[0, 'RUNNING', worker], [1, 'RUNNING', worker]]);
  });

  it('are PAUSED after pause, RUNNING after resume, and gone after stop', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.create(name);
    await s.herder.pauseConnector(name);
    expect((await s.tasks(name)).map(([, state]) => state)).toEqual(['PAUSED', 'PAUSED']);
    await s.herder.resumeConnector(name);
    expect((await s.tasks(name)).map(([, state]) => state)).toEqual(['RUNNING', 'RUNNING']);
    await s.herder.stopConnector(name);
    expect(await s.tasks(name)).toEqual([]);
  });

  it('stay UNASSIGNED while a mapping change was skipped (the mappings do not match the record yet)', async () => {
    const s = setup((port) => ({ ...port, create: async () => Promise.reject(new MappingBusyError('being created')) }));
    const name = uniqueSink();
    await s.create(name);
    expect(await s.tasks(name)).toEqual([[0, 'UNASSIGNED', null], [1, 'UNASSIGNED', null]]);
  });

  it('are left alone for a source connector', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.herder.createConnector(name, { 'connector.class': 'FileStreamSource', file: '/tmp/none.txt', topic: 'out' });
    expect((await s.tasks(name)).map(([, state]) => state)).toEqual(['UNASSIGNED']);
  });
});
