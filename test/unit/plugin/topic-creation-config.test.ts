import { describe, expect, it } from 'vitest';
import { ConfigDef } from '#lib/plugin/config-def';
import { embedDefaultTopicCreationGroup, enrichTopicCreation } from '#lib/plugin/topic-creation-config';

describe('topic creation config', () => {
  it('requires the default group\'s replication factor and partitions', () => {
    const values = embedDefaultTopicCreationGroup(new ConfigDef()).validateAll({});
    expect(values.get('topic.creation.default.replication.factor')?.errorMessages[0]).toBe('Missing required configuration "topic.creation.default.replication.factor" which has no default value.');
    expect(values.get('topic.creation.default.include')?.value).toEqual(['.*']);
  });

  it('embeds a named group with the default group\'s values as defaults, skipping "default"', () => {
    const def = enrichTopicCreation(new ConfigDef(), { 'topic.creation.groups': 'default, compacted' }, 3, 6);
    expect(def.names()).toEqual(['topic.creation.compacted.include', 'topic.creation.compacted.exclude', 'topic.creation.compacted.replication.factor', 'topic.creation.compacted.partitions']);
    expect(def.defaultValues()).toMatchObject({ 'topic.creation.compacted.replication.factor': 3, 'topic.creation.compacted.partitions': 6 });
  });

  it('rejects a partition count that is neither positive nor -1', () => {
    const def = enrichTopicCreation(new ConfigDef(), { 'topic.creation.groups': 'g' }, 3, 6);
    expect(def.validateAll({ 'topic.creation.g.partitions': '0' }).get('topic.creation.g.partitions')?.errorMessages).toEqual(["Invalid value 0 for configuration partitions: Number of partitions must be positive, or -1 to use the broker's default"]);
  });
});
