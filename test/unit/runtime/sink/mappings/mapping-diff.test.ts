import { describe, expect, it } from 'vitest';
import { diffMappings } from '#lib/runtime/sink/mappings/mapping-diff';
import type { DesiredSinkMapping, SinkMapping } from '#lib/runtime/sink/mappings/mapping-port';

const want = (topic: string, over: Partial<DesiredSinkMapping> = {}): DesiredSinkMapping => ({ alias: 'lc-1', topic, groupId: `connect-c.${topic}`, batchSize: 500, batchingWindowSeconds: 1, enabled: true, ...over });
const have = (uuid: string, topic: string, over: Partial<DesiredSinkMapping> = {}): SinkMapping => ({ ...want(topic, over), uuid });

describe('diffMappings', () => {
  it('creates every desired mapping when there are none', () => {
    expect(diffMappings([want('a'), want('b')], [])).toEqual({ create: [want('a'), want('b')], update: [], delete: [], unchanged: 0 });
  });

  it('leaves matching mappings alone and counts them', () => {
    expect(diffMappings([want('a')], [have('u1', 'a')])).toEqual({ create: [], update: [], delete: [], unchanged: 1 });
  });

  it('deletes mappings of topics no longer wanted, and all of them when nothing is wanted', () => {
    expect(diffMappings([want('a')], [have('u1', 'a'), have('u2', 'gone')]).delete.map((m) => m.uuid)).toEqual(['u2']);
    expect(diffMappings([], [have('u1', 'a'), have('u2', 'b')]).delete.map((m) => m.uuid)).toEqual(['u1', 'u2']);
  });

  it('deletes and recreates a mapping whose consumer group differs, since a group is fixed at creation', () => {
    const plan = diffMappings([want('a', { groupId: 'connect-c' })], [have('u1', 'a')]);
    expect([plan.delete.map((m) => m.uuid), plan.create]).toEqual([['u1'], [want('a', { groupId: 'connect-c' })]]);
  });

  it('keeps one mapping of a topic and deletes a duplicate', () => {
    const plan = diffMappings([want('a')], [have('u1', 'a'), have('u2', 'a')]);
    expect([plan.delete.map((m) => m.uuid), plan.unchanged, plan.create]).toEqual([['u2'], 1, []]);
  });

  it('enables a disabled mapping that should run', () => {
    expect(diffMappings([want('a')], [have('u1', 'a', { enabled: false })]).update).toEqual([
      { mapping: have('u1', 'a', { enabled: false }), changes: { batchSize: 500, batchingWindowSeconds: 1, enabled: true }, kind: 'enabled' },
    ]);
  });

  it('disables an enabled mapping of a paused connector, changing its batch settings at the same time', () => {
    const [update] = diffMappings([want('a', { enabled: false, batchSize: 10 })], [have('u1', 'a')]).update;
    expect([update?.kind, update?.changes]).toEqual(['disabled', { batchSize: 10, batchingWindowSeconds: 1, enabled: false }]);
  });

  it('updates batch size or window in place', () => {
    const plan = diffMappings([want('a', { batchingWindowSeconds: 5 })], [have('u1', 'a')]);
    expect(plan.update.map((u) => [u.mapping.uuid, u.kind, u.changes.batchingWindowSeconds])).toEqual([['u1', 'updated', 5]]);
  });
});
