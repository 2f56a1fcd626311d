import { describe, expect, it } from 'vitest';
import { findFirstGroup, newTopicSpec, topicCreationGroups, type TopicCreationGroups } from '#lib/kafka/topic-creation-groups';

function groups(props: Record<string, string>): TopicCreationGroups {
  const parsed = topicCreationGroups({ 'topic.creation.default.replication.factor': '3', 'topic.creation.default.partitions': '5', ...props });
  if (parsed === undefined) throw new Error('topic creation not configured');
  return parsed;
}

const specFor = (config: TopicCreationGroups, topic: string) => newTopicSpec(findFirstGroup(config, topic), topic);

describe('topic creation groups (KIP-158)', () => {
  // The example of KIP-158: in-order topics with one partition, compacted configuration topics, defaults otherwise.
  const kip158 = groups({
    'topic.creation.groups': 'inorder,compacted',
    'topic.creation.inorder.include': 'status, orders.*',
    'topic.creation.inorder.partitions': '1',
    'topic.creation.compacted.include': 'configurations.*',
    'topic.creation.compacted.cleanup.policy': 'compact',
  });

  it('gives a topic matching a named group that group’s settings, inheriting what it leaves out from default', () => {
    expect(specFor(kip158, 'orders.eu')).toEqual({ name: 'orders.eu', partitions: 1, replicationFactor: 3, configs: {} });
    expect(specFor(kip158, 'status')).toEqual({ name: 'status', partitions: 1, replicationFactor: 3, configs: {} });
    expect(specFor(kip158, 'configurations.db')).toEqual({ name: 'configurations.db', partitions: 5, replicationFactor: 3, configs: { 'cleanup.policy': 'compact' } });
  });

  it('gives every other topic the default group', () => {
    expect(findFirstGroup(kip158, 'payments').name).toBe('default');
    expect(specFor(kip158, 'payments')).toEqual({ name: 'payments', partitions: 5, replicationFactor: 3, configs: {} });
  });

  it('matches whole topic names only, as Matcher.matches does', () => {
    expect(findFirstGroup(kip158, 'status-eu').name).toBe('default');
    expect(findFirstGroup(kip158, 'my-orders').name).toBe('default');
  });

  it('takes the first matching group in topic.creation.groups order', () => {
    const config = groups({ 'topic.creation.groups': 'second,first', 'topic.creation.first.include': 'a.*', 'topic.creation.second.include': 'ab.*' });

    expect(findFirstGroup(config, 'abc').name).toBe('second');
    expect(findFirstGroup(config, 'axe').name).toBe('first');
  });

  it('lets exclusion win over inclusion', () => {
    const config = groups({ 'topic.creation.groups': 'all', 'topic.creation.all.include': '.*', 'topic.creation.all.exclude': 'secret.*, tmp' });

    expect(findFirstGroup(config, 'secret-keys').name).toBe('default');
    expect(findFirstGroup(config, 'tmp').name).toBe('default');
    expect(findFirstGroup(config, 'tmp2').name).toBe('all');
  });

  it('matches nothing with a named group that has no include list', () => {
    const config = groups({ 'topic.creation.groups': 'empty', 'topic.creation.empty.partitions': '9' });

    expect(findFirstGroup(config, 'anything').name).toBe('default');
  });

  it("ignores the default group's include and exclude, and a 'default' entry in topic.creation.groups", () => {
    const config = groups({ 'topic.creation.groups': 'default', 'topic.creation.default.include': 'nothing', 'topic.creation.default.exclude': '.*' });

    expect(config.groups).toEqual([]);
    expect(config.defaultGroup.include.test('orders')).toBe(true);
    expect(config.defaultGroup.exclude.test('orders')).toBe(false);
  });

  it("passes the default group's other keys as topic configs, and -1 for the broker's defaults", () => {
    const config = groups({ 'topic.creation.default.partitions': '-1', 'topic.creation.default.replication.factor': '-1', 'topic.creation.default.retention.ms': '1000' });

    expect(specFor(config, 't')).toEqual({ name: 't', partitions: -1, replicationFactor: -1, configs: { 'retention.ms': '1000' } });
  });

  it('honours (?i) at the start of a Java regex', () => {
    const config = groups({ 'topic.creation.groups': 'ci', 'topic.creation.ci.include': '(?i)orders' });

    expect(findFirstGroup(config, 'ORDERS').name).toBe('ci');
  });

  it('is off without any topic.creation.* key', () => {
    expect(topicCreationGroups({ name: 'c', 'connector.class': 'X' })).toBeUndefined();
  });

  it('requires the default replication factor and partitions once topic creation is configured', () => {
    expect(() => topicCreationGroups({ 'topic.creation.default.partitions': '1' })).toThrowError('Missing required configuration "topic.creation.default.replication.factor" which has no default value.');
  });

  it('rejects a partition count that is neither positive nor -1', () => {
    expect(() => groups({ 'topic.creation.groups': 'g', 'topic.creation.g.include': 'x', 'topic.creation.g.partitions': '0' })).toThrowError(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });
});
