import { describe, expect, it } from 'vitest';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { MappingBusyError } from '#lib/runtime/sink/mappings/errors';
import type { SinkMappingPort } from '#lib/runtime/sink/mappings/mapping-port';
import { reconcileAllSinkMappings } from '#lib/runtime/sink/mappings/reconcile-all-mappings';
import type { ReconcileDeps } from '#lib/runtime/sink/mappings/reconcile-mappings';
import type { ConfigStore } from '#lib/store/types';
import { silentLog } from '../../source/harness';
import { RECORDING_SINK } from '../fixtures/recording-sink';
import { sinkHooksHarness } from '../hooks-harness';
import { uniqueSink } from '../harness';

function setup() {
  const { stores, registry, memory: mappings, herder } = sinkHooksHarness();
  const topics: string[] = [];
  const deps = (over: Partial<ReconcileDeps> = {}): ReconcileDeps => ({ mappings, configs: stores.configs, statuses: stores.statuses, registry, listTopics: async () => [...topics], log: silentLog, ...over });
  const create = (name: string, config: Record<string, string> = {}) => herder.createConnector(name, { 'connector.class': RECORDING_SINK, topics: 'orders', ...config });
  const of = (name: string) => mappings.all().filter((m) => m.alias === aliasFor(name));
  return { stores, mappings, herder, topics, deps, create, of };
}

describe('the periodic reconcile of every sink connector', () => {
  it('re-creates a mapping deleted behind the herder’s back and leaves the others unchanged', async () => {
    const s = setup();
    const [gone, kept] = [uniqueSink(), uniqueSink()];
    await s.create(gone);
    await s.create(kept);
    await s.mappings.delete(s.of(gone)[0]!.uuid);
    const summary = await reconcileAllSinkMappings(s.deps());
    expect([s.of(gone).map((m) => [m.topic, m.groupId, m.enabled]), summary.created, summary.unchanged]).toEqual([[['orders', `connect-${gone}`, true]], 1, 1]);
  });

  it('gives a topics.regex connector a mapping for a matching topic created after it', async () => {
    const s = setup();
    const name = uniqueSink();
    s.topics.push('orders-eu');
    await s.create(name, { topics: '', 'topics.regex': 'orders-.*' });
    await reconcileAllSinkMappings(s.deps());
    expect(s.of(name).map((m) => [m.topic, m.groupId])).toEqual([['orders-eu', `connect-${name}`]]);
    s.topics.push('orders-us', 'payments');
    await reconcileAllSinkMappings(s.deps());
    // From one topic to several, every mapping gets its per-topic group (docs/sink-tasks.md).
    expect(s.of(name).map((m) => [m.topic, m.groupId]).sort()).toEqual([
      ['orders-eu', `connect-${name}.orders-eu`],
      ['orders-us', `connect-${name}.orders-us`],
    ]);
  });

  it('disables the mapping of a paused connector that was enabled by hand', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.create(name);
    await s.herder.pauseConnector(name);
    const [m] = s.of(name);
    await s.mappings.update(m!.uuid, { batchSize: m!.batchSize, batchingWindowSeconds: m!.batchingWindowSeconds, enabled: true });
    const summary = await reconcileAllSinkMappings(s.deps());
    expect([s.of(name).map((x) => x.enabled), summary.disabled]).toEqual([[false], 1]);
  });

  it('deletes the mappings and alias of a connector that no longer exists', async () => {
    const s = setup();
    const orphan = aliasFor(uniqueSink());
    await s.mappings.ensureAlias(orphan);
    await s.mappings.create({ alias: orphan, topic: 'orders', groupId: 'connect-old', batchSize: 500, batchingWindowSeconds: 1, enabled: true });
    const summary = await reconcileAllSinkMappings(s.deps());
    expect([s.mappings.all().filter((m) => m.alias === orphan), s.mappings.aliases().includes(orphan), summary.deleted]).toEqual([[], false, 1]);
  });

  it('skips a change when the connector was changed after it was read, leaving it to the next reconcile', async () => {
    const s = setup();
    const name = uniqueSink();
    await s.create(name);
    await s.mappings.delete(s.of(name)[0]!.uuid);
    // Every re-read sees a newer version, as if a REST call stored a change meanwhile.
    const racing: ConfigStore = { ...s.stores.configs, get: async (n) => ((r) => r && { ...r, version: r.version + 1 })(await s.stores.configs.get(n)) };
    const summary = await reconcileAllSinkMappings(s.deps({ configs: racing }));
    expect([s.of(name), summary.skipped, summary.created]).toEqual([[], 1, 0]);
    await reconcileAllSinkMappings(s.deps());
    expect(s.of(name)).toHaveLength(1);
  });

  it('leaves a busy mapping to the next reconcile and goes on with the others', async () => {
    const s = setup();
    const [busy, other] = [uniqueSink(), uniqueSink()];
    await s.create(busy);
    await s.create(other);
    await s.mappings.update(s.of(busy)[0]!.uuid, { batchSize: 1, batchingWindowSeconds: 1, enabled: true });
    await s.mappings.update(s.of(other)[0]!.uuid, { batchSize: 1, batchingWindowSeconds: 1, enabled: true });
    const busyUuid = s.of(busy)[0]!.uuid;
    const mappings: SinkMappingPort = {
      ...s.mappings,
      update: async (uuid, changes) => (uuid === busyUuid ? Promise.reject(new MappingBusyError('Updating an event source mapping failed: in use')) : s.mappings.update(uuid, changes)),
    };
    const summary = await reconcileAllSinkMappings(s.deps({ mappings }));
    expect([s.of(busy)[0]!.batchSize, s.of(other)[0]!.batchSize, summary.skipped, summary.updated, summary.failed]).toEqual([1, 500, 1, 1, 0]);
  });

  it('reports a connector whose reconcile failed and still reconciles the others', async () => {
    const s = setup();
    const [broken, fine] = [uniqueSink(), uniqueSink()];
    await s.create(broken);
    await s.create(fine);
    for (const m of s.mappings.all()) await s.mappings.delete(m.uuid);
    const mappings: SinkMappingPort = {
      ...s.mappings,
      create: async (d) => (d.alias === aliasFor(broken) ? Promise.reject(new Error('Lambda said no')) : s.mappings.create(d)),
    };
    const summary = await reconcileAllSinkMappings(s.deps({ mappings }));
    expect([s.of(broken), s.of(fine).length, summary.failed, summary.created]).toEqual([[], 1, 1, 1]);
  });

  it('changes nothing when everything matches (idempotent)', async () => {
    const s = setup();
    await s.create(uniqueSink(), { topics: 'a,b' });
    const before = s.mappings.all();
    const summary = await reconcileAllSinkMappings(s.deps());
    expect([s.mappings.all(), summary.created + summary.updated + summary.enabled + summary.disabled + summary.deleted + summary.skipped, summary.unchanged]).toEqual([before, 0, 2]);
  });
});

describe('the periodic reconcile of orphaned mappings', () => {
  it('deletes the mappings and does not fail the tick when Lambda refuses to delete the alias yet', async () => {
    const s = setup();
    const orphan = aliasFor(uniqueSink());
    await s.mappings.ensureAlias(orphan);
    await s.mappings.create({ alias: orphan, topic: 'orders', groupId: `connect-${orphan}`, batchSize: 500, batchingWindowSeconds: 1, enabled: true });
    const mappings: SinkMappingPort = { ...s.mappings, deleteAlias: () => Promise.reject(new MappingBusyError('Deleting the alias failed: mappings still deleting')) };
    const first = await reconcileAllSinkMappings(s.deps({ mappings }));
    expect([first.deleted, first.skipped, first.failed, s.mappings.aliases().includes(orphan)]).toEqual([1, 1, 0, true]);
  });
});

describe('the periodic reconcile through the sink hooks', () => {
  it('makes the tasks RUNNING when it creates the mappings a failed hook left out', async () => {
    let lambdaDown = true;
    const { stores, memory, hooks, herder } = sinkHooksHarness({ mappings: (memory): SinkMappingPort => ({ ...memory, create: (d) => (lambdaDown ? Promise.reject(new Error('Rate exceeded')) : memory.create(d)) }) });
    const name = uniqueSink();
    await herder.createConnector(name, { 'connector.class': RECORDING_SINK, topics: 'orders' });
    expect([memory.all().length, (await stores.statuses.get(name)).tasks.map((t) => t.state)]).toEqual([0, ['UNASSIGNED']]);
    lambdaDown = false;
    const summary = await hooks.reconcileAll();
    expect([summary.created, (await stores.statuses.get(name)).tasks.map((t) => [t.state, t.workerId])]).toEqual([1, [['RUNNING', `sink-task:${aliasFor(name)}`]]]);
  });
});
