import { describe, expect, it } from 'vitest';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { desiredMappings } from '#lib/runtime/sink/mappings/desired-mappings';
import { RECORDING_SINK } from './fixtures/recording-sink';
import { sinkHooksHarness } from './hooks-harness';
import { uniqueSink } from './harness';

function setup() {
  const { stores, memory: mappings, hooks, herder } = sinkHooksHarness();
  const create = (name: string, config: Record<string, string> = {}) => herder.createConnector(name, { 'connector.class': RECORDING_SINK, topics: 'orders', ...config });
  const of = (name: string) => mappings.all().filter((m) => m.alias === aliasFor(name));
  return { stores, mappings, hooks, herder, create, of };
}

describe('event source mappings of a sink connector', () => {
  it('are created with the alias, group connect-<name>, batch size and window from the config', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.create(name, { 'consumer.override.max.poll.records': '2000', 'consumer.override.fetch.max.wait.ms': '2500' });
    expect(s.of(name)).toEqual([{ uuid: expect.any(String), alias: aliasFor(name), topic: 'orders', groupId: `connect-${name}`, batchSize: 2000, batchingWindowSeconds: 3, enabled: true }]);
    expect(s.mappings.aliases()).toContain(aliasFor(name));
  });

  it('give each topic of a multi-topic connector its own mapping and group', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.create(name, { topics: 'a,b' });
    expect(s.of(name).map((m) => [m.topic, m.groupId])).toEqual([
      ['a', `connect-${name}.a`],
      ['b', `connect-${name}.b`],
    ]);
  });

  it('are disabled by pause and stop, enabled by resume, and removed with the alias on delete', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.create(name);
    await s.herder.pauseConnector(name);
    expect(s.of(name).map((m) => m.enabled)).toEqual([false]);
    await s.herder.resumeConnector(name);
    expect(s.of(name).map((m) => m.enabled)).toEqual([true]);
    await s.herder.stopConnector(name);
    expect(s.of(name).map((m) => m.enabled)).toEqual([false]);
    await s.herder.deleteConnector(name);
    expect([s.of(name), s.mappings.aliases().includes(aliasFor(name))]).toEqual([[], false]);
  });

  it('follow a config change: a new batch size is updated in place, a changed topic set recreates', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.create(name);
    const [before] = s.of(name);
    await s.herder.patchConnectorConfig(name, { 'consumer.override.max.poll.records': '10' });
    expect(s.of(name).map((m) => [m.uuid, m.batchSize])).toEqual([[before!.uuid, 10]]);
    await s.herder.patchConnectorConfig(name, { topics: 'orders,refunds' });
    expect(s.of(name).map((m) => [m.topic, m.groupId])).toEqual([
      ['orders', `connect-${name}.orders`],
      ['refunds', `connect-${name}.refunds`],
    ]);
  });

  it('stay disabled while a task is FAILED, and come back after a restart', async () => {
    const s = setup();
    const name = uniqueSink();
    const record = await s.create(name);
    const stored = (await s.stores.configs.get(name))!;
    await s.stores.statuses.put({ connector: name, taskId: 0, state: 'FAILED', trace: 'x', workerId: 'w', incarnation: stored.incarnation, generation: stored.generation, updatedAt: '' });
    await s.hooks.reconcile(name);
    expect(s.of(name).map((m) => m.enabled)).toEqual([false]);
    await s.herder.restartTask(record.name, 0);
    expect(s.of(name).map((m) => m.enabled)).toEqual([true]);
  });

  it('are reconciled idempotently and heal drift', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.create(name);
    const [m] = s.of(name);
    await s.mappings.update(m!.uuid, { batchSize: 1, batchingWindowSeconds: 0, enabled: false });
    await s.hooks.reconcile(name);
    await s.hooks.reconcile(name);
    expect(s.of(name).map((x) => [x.uuid, x.batchSize, x.enabled])).toEqual([[m!.uuid, 500, true]]);
  });

  it('resolve topics.regex against the cluster topics', () => {
    const record = { name: 'r', config: { 'topics.regex': 'orders-.*' }, targetState: 'STARTED' as const, taskConfigs: [{}], version: 1, generation: 1, incarnation: 'i', createdAt: '', updatedAt: '' };
    expect(desiredMappings(record, [], ['orders-eu', 'payments', 'orders-us']).map((d) => d.topic)).toEqual(['orders-eu', 'orders-us']);
  });
});
