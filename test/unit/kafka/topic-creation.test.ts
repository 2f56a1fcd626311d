import { describe, expect, it, vi } from 'vitest';
import { RetriableError } from '#lib/errors';
import type { CreateTopicsResult, NewTopicSpec } from '#lib/kafka/admin-port';
import { createTopicCreation } from '#lib/kafka/topic-creation';
import type { Logger } from '#lib/logging/logger';

const CONFIG = {
  'topic.creation.default.replication.factor': '3',
  'topic.creation.default.partitions': '5',
  'topic.creation.groups': 'compacted',
  'topic.creation.compacted.include': 'cfg.*',
  'topic.creation.compacted.cleanup.policy': 'compact',
};

function fakeAdmin(existing: string[] = [], result?: (specs: readonly NewTopicSpec[]) => CreateTopicsResult) {
  return {
    listTopics: vi.fn(async () => [...existing]),
    createTopics: vi.fn(async (specs: readonly NewTopicSpec[]) => result?.(specs) ?? { supported: true as const, created: specs.map((s) => s.name), existing: [] }),
  };
}

function logger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: string): void => {
    lines.push(m);
  };
  return { name: 'test', lines, trace: push, debug: push, info: push, warn: push, error: push };
}

describe('createTopicCreation', () => {
  it("creates a new topic with its first matching group's settings", async () => {
    const admin = fakeAdmin();
    const creation = createTopicCreation({ admin, connectorConfig: CONFIG, logger: logger() });

    const outcome = await creation.ensureTopicsForRecords(['cfg-db', 'orders']);

    expect(outcome).toEqual({ created: ['cfg-db', 'orders'], existing: [], leftToBroker: [] });
    expect(admin.createTopics).toHaveBeenCalledWith([
      { name: 'cfg-db', partitions: 5, replicationFactor: 3, configs: { 'cleanup.policy': 'compact' } },
      { name: 'orders', partitions: 5, replicationFactor: 3, configs: {} },
    ]);
  });

  it('handles each topic once per process', async () => {
    const admin = fakeAdmin();
    const creation = createTopicCreation({ admin, connectorConfig: CONFIG, logger: logger() });

    await creation.ensureTopicsForRecords(['orders']);
    const again = await creation.ensureTopicsForRecords(['orders', 'orders']);

    expect(again).toEqual({ created: [], existing: [], leftToBroker: [] });
    expect(admin.listTopics).toHaveBeenCalledTimes(1);
    expect(admin.createTopics).toHaveBeenCalledTimes(1);
  });

  it('does not try to create a topic that already exists', async () => {
    const admin = fakeAdmin(['orders']);
    const creation = createTopicCreation({ admin, connectorConfig: CONFIG, logger: logger() });

    expect(await creation.ensureTopicsForRecords(['orders'])).toEqual({ created: [], existing: ['orders'], leftToBroker: [] });
    expect(admin.createTopics).not.toHaveBeenCalled();
  });

  it('leaves topics to the broker with one log line each when CreateTopics is not supported, and does not ask again', async () => {
    const admin = fakeAdmin([], () => ({ supported: false, reason: 'the brokers do not support the CreateTopics API' }));
    const log = logger();
    const creation = createTopicCreation({ admin, connectorConfig: CONFIG, logger: log });

    const outcome = await creation.ensureTopicsForRecords(['a', 'b']);
    await creation.ensureTopicsForRecords(['a', 'b']);

    expect(outcome).toEqual({ created: [], existing: [], leftToBroker: ['a', 'b'] });
    expect(log.lines.filter((l) => l.includes('auto-created'))).toEqual([
      "Topic 'a' will be auto-created by the broker: the brokers do not support the CreateTopics API",
      "Topic 'b' will be auto-created by the broker: the brokers do not support the CreateTopics API",
    ]);
    expect(admin.createTopics).toHaveBeenCalledTimes(1);
  });

  it('lets a failure through and tries the topic again on the next call', async () => {
    const admin = fakeAdmin();
    admin.createTopics.mockRejectedValueOnce(new RetriableError('timed out'));
    const creation = createTopicCreation({ admin, connectorConfig: CONFIG, logger: logger() });

    await expect(creation.ensureTopicsForRecords(['orders'])).rejects.toMatchObject({ retriable: true });
    expect(await creation.ensureTopicsForRecords(['orders'])).toEqual({ created: ['orders'], existing: [], leftToBroker: [] });
  });

  it('serialises concurrent calls, so a topic is created once', async () => {
    const admin = fakeAdmin();
    const creation = createTopicCreation({ admin, connectorConfig: CONFIG, logger: logger() });

    await Promise.all([creation.ensureTopicsForRecords(['orders']), creation.ensureTopicsForRecords(['orders'])]);

    expect(admin.createTopics).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the worker disables topic creation', async () => {
    const admin = fakeAdmin();
    const creation = createTopicCreation({ admin, connectorConfig: CONFIG, topicCreationEnable: false, logger: logger() });

    expect(creation.enabled).toBe(false);
    expect(await creation.ensureTopicsForRecords(['orders'])).toEqual({ created: [], existing: [], leftToBroker: [] });
    expect(admin.listTopics).not.toHaveBeenCalled();
  });

  it('does nothing for a connector without topic.creation.* keys', async () => {
    const admin = fakeAdmin();
    const creation = createTopicCreation({ admin, connectorConfig: { name: 'c' }, logger: logger() });

    expect(creation.enabled).toBe(false);
    await creation.ensureTopicsForRecords(['orders']);
    expect(admin.listTopics).not.toHaveBeenCalled();
  });
});
