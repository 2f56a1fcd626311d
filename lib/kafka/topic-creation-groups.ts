/**
 * Kafka's `TopicCreationGroup` (KIP-158) read from a source connector's config. A named group of
 * `topic.creation.groups` matches a topic when the topic fully matches one of its `include` regexes
 * and none of its `exclude` regexes (each list joined with `|`, as `Pattern.compile` gets it, so an
 * empty include list matches nothing); the first matching group in the listed order wins, and the
 * `default` group (whose include/exclude keys are ignored) takes every other topic. Named groups
 * inherit the default group's replication factor and partitions.
 */
import { ConfigDef } from '#lib/plugin/config-def';
import type { Props } from '#lib/plugin/config-validation';
import { javaRegex } from '#lib/plugin/java-regex';
import { parseType } from '#lib/plugin/parse-type';
import { TOPIC_CREATION_GROUPS_CONFIG, TOPIC_CREATION_PREFIX, usesTopicCreation } from '#lib/plugin/source-connector-config';
import {
  DEFAULT_TOPIC_CREATION_GROUP,
  EXCLUDE_REGEX_CONFIG,
  INCLUDE_REGEX_CONFIG,
  PARTITIONS_CONFIG,
  REPLICATION_FACTOR_CONFIG,
  embedDefaultTopicCreationGroup,
  enrichTopicCreation,
} from '#lib/plugin/topic-creation-config';
import type { NewTopicSpec } from './admin-port';

export interface TopicCreationGroup {
  readonly name: string;
  readonly include: RegExp;
  readonly exclude: RegExp;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Every other `topic.creation.<group>.*` key, as topic configs. */
  readonly otherConfigs: Readonly<Record<string, string>>;
}

export interface TopicCreationGroups {
  /** The named groups in `topic.creation.groups` order, without `default`. */
  readonly groups: readonly TopicCreationGroup[];
  readonly defaultGroup: TopicCreationGroup;
}

const GROUP_KEYS = new Set([INCLUDE_REGEX_CONFIG, EXCLUDE_REGEX_CONFIG, REPLICATION_FACTOR_CONFIG, PARTITIONS_CONFIG]);

/** The groups, or undefined when the config has no `topic.creation.*` key. Throws ConfigException. */
export function topicCreationGroups(props: Props): TopicCreationGroups | undefined {
  if (!usesTopicCreation(props)) return undefined;
  const defaultPrefix = `${TOPIC_CREATION_PREFIX}${DEFAULT_TOPIC_CREATION_GROUP}.`;
  const effective: Record<string, string | null | undefined> = { ...props };
  delete effective[`${defaultPrefix}${INCLUDE_REGEX_CONFIG}`];
  delete effective[`${defaultPrefix}${EXCLUDE_REGEX_CONFIG}`];
  const base = embedDefaultTopicCreationGroup(new ConfigDef());
  const defaults = base.parse(effective);
  const enriched = enrichTopicCreation(base, effective, defaults[`${defaultPrefix}${REPLICATION_FACTOR_CONFIG}`] as number, defaults[`${defaultPrefix}${PARTITIONS_CONFIG}`] as number);
  const values = enriched.parse(effective);
  const group = (name: string): TopicCreationGroup => {
    const prefix = `${TOPIC_CREATION_PREFIX}${name}.`;
    return {
      name,
      include: wholeMatch(values[`${prefix}${INCLUDE_REGEX_CONFIG}`] as string[]),
      exclude: wholeMatch(values[`${prefix}${EXCLUDE_REGEX_CONFIG}`] as string[]),
      partitions: values[`${prefix}${PARTITIONS_CONFIG}`] as number,
      replicationFactor: values[`${prefix}${REPLICATION_FACTOR_CONFIG}`] as number,
      otherConfigs: otherConfigs(effective, prefix),
    };
  };
  const listed = parseType(TOPIC_CREATION_GROUPS_CONFIG, props[TOPIC_CREATION_GROUPS_CONFIG], 'LIST');
  const names = [...new Set(Array.isArray(listed) ? listed : [])].filter((name) => name !== DEFAULT_TOPIC_CREATION_GROUP);
  return { groups: names.map(group), defaultGroup: group(DEFAULT_TOPIC_CREATION_GROUP) };
}

export function groupMatches(group: TopicCreationGroup, topic: string): boolean {
  return !group.exclude.test(topic) && group.include.test(topic);
}

/** Kafka's `TopicCreation.findFirstGroup`. */
export function findFirstGroup(config: TopicCreationGroups, topic: string): TopicCreationGroup {
  return config.groups.find((group) => groupMatches(group, topic)) ?? config.defaultGroup;
}

/** Kafka's `TopicCreationGroup.newTopic`. */
export function newTopicSpec(group: TopicCreationGroup, topic: string): NewTopicSpec {
  return { name: topic, partitions: group.partitions, replicationFactor: group.replicationFactor, configs: group.otherConfigs };
}

function wholeMatch(regexes: readonly string[]): RegExp {
  const joined = javaRegex(regexes.join('|'));
  return new RegExp(`^(?:${joined.source})$`, joined.flags);
}

function otherConfigs(props: Props, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) {
    if (!key.startsWith(prefix) || value === null || value === undefined) continue;
    const name = key.slice(prefix.length);
    if (!GROUP_KEYS.has(name)) out[name] = value;
  }
  return out;
}
