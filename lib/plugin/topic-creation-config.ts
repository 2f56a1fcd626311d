/**
 * Kafka's `TopicCreationConfig` (KIP-158) and `SourceConnectorConfig.enrich`: per-group settings for
 * topics a source connector creates, under `topic.creation.<group>.`. Not part of `/config/validate`
 * (Kafka only applies them when the connector runs); the default group's keys are required there.
 */
import { ConfigDef } from './config-def';
import { ConfigException } from './config-exception';
import type { Validator } from './config-types';
import type { Props } from './config-validation';
import { javaRegex } from './java-regex';
import { parseType } from './parse-type';
import { TOPIC_CREATION_GROUP, TOPIC_CREATION_GROUPS_CONFIG, TOPIC_CREATION_PREFIX } from './source-connector-config';
import { LambdaValidator, NonNullValidator } from './validators';

export const DEFAULT_TOPIC_CREATION_GROUP = 'default';
export const INCLUDE_REGEX_CONFIG = 'include';
export const EXCLUDE_REGEX_CONFIG = 'exclude';
export const REPLICATION_FACTOR_CONFIG = 'replication.factor';
export const PARTITIONS_CONFIG = 'partitions';

const INCLUDE_REGEX_DOC = 'A list of regular expression literals used to match the topic names used by the source connector. This list is used to include topics that should be created using the topic settings defined by this group.';
const EXCLUDE_REGEX_DOC = 'A list of regular expression literals used to match the topic names used by the source connector. This list is used to exclude topics from being created with the topic settings defined by this group. Note that exclusion rules have precedent and override any inclusion rules for the topics.';
const REPLICATION_FACTOR_DOC = "The replication factor for new topics created for this connector using this group. This value may be -1 to use the broker'sdefault replication factor, or may be a positive number not larger than the number of brokers in the Kafka cluster. A value larger than the number of brokers in the Kafka cluster will result in an error when the new topic is created. For the default group this configuration is required. For any other group defined in topic.creation.groups this config is optional and if it's missing it gets the value of the default group";
const PARTITIONS_DOC = "The number of partitions new topics created for this connector. This value may be -1 to use the broker's default number of partitions, or a positive number representing the desired number of partitions. For the default group this configuration is required. For any other group defined in topic.creation.groups this config is optional and if it's missing it gets the value of the default group";

const REPLICATION_FACTOR_VALIDATOR = LambdaValidator.with(
  (name, value) => {
    if (typeof value === 'number' && value !== -1 && value < 1) {
      throw new ConfigException(name, value, "Replication factor must be positive and not larger than the number of brokers in the Kafka cluster, or -1 to use the broker's default");
    }
  },
  () => "Positive number not larger than the number of brokers in the Kafka cluster, or -1 to use the broker's default",
);
const PARTITIONS_VALIDATOR = LambdaValidator.with(
  (name, value) => {
    if (typeof value === 'number' && value !== -1 && value < 1) throw new ConfigException(name, value, "Number of partitions must be positive, or -1 to use the broker's default");
  },
  () => "Positive number, or -1 to use the broker's default",
);
// Kafka's description text of this validator is the partitions one; kept as is.
const REGEX_VALIDATOR: Validator = LambdaValidator.with(
  (name, value) => {
    for (const regex of Array.isArray(value) ? value : []) {
      try {
        javaRegex(String(regex));
      } catch (err) {
        throw new ConfigException(name, value, `Syntax error in regular expression: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  },
  () => "Positive number, or -1 to use the broker's default",
);

/** The keys of a named group; replication factor and partitions default to the default group's. */
export function topicCreationConfigDef(group: string, defaultReplicationFactor: number, defaultPartitions: number): ConfigDef {
  const common = { importance: 'LOW', group, width: 'LONG' } as const;
  return new ConfigDef()
    .define({ ...common, name: INCLUDE_REGEX_CONFIG, type: 'LIST', defaultValue: [], validator: REGEX_VALIDATOR, documentation: INCLUDE_REGEX_DOC, orderInGroup: 1, displayName: `Inclusion Topic Pattern for ${group}` })
    .define({ ...common, name: EXCLUDE_REGEX_CONFIG, type: 'LIST', defaultValue: [], validator: REGEX_VALIDATOR, documentation: EXCLUDE_REGEX_DOC, orderInGroup: 2, displayName: `Exclusion Topic Pattern for ${group}` })
    .define({ ...common, name: REPLICATION_FACTOR_CONFIG, type: 'SHORT', defaultValue: defaultReplicationFactor, validator: REPLICATION_FACTOR_VALIDATOR, documentation: REPLICATION_FACTOR_DOC, orderInGroup: 3, displayName: `Replication Factor for Topics in ${group}` })
    .define({ ...common, name: PARTITIONS_CONFIG, type: 'INT', defaultValue: defaultPartitions, validator: PARTITIONS_VALIDATOR, documentation: PARTITIONS_DOC, orderInGroup: 4, displayName: `Partition Count for Topics in ${group}` });
}

/** The `default` group: includes everything (`.*`); replication factor and partitions are required. */
export function defaultTopicCreationGroupConfigDef(): ConfigDef {
  const common = { importance: 'LOW', group: DEFAULT_TOPIC_CREATION_GROUP, width: 'LONG' } as const;
  return new ConfigDef()
    .define({ ...common, name: INCLUDE_REGEX_CONFIG, type: 'LIST', defaultValue: '.*', validator: NonNullValidator(), documentation: INCLUDE_REGEX_DOC, orderInGroup: 1, displayName: 'Inclusion Topic Pattern for default' })
    .define({ ...common, name: EXCLUDE_REGEX_CONFIG, type: 'LIST', defaultValue: [], validator: NonNullValidator(), documentation: EXCLUDE_REGEX_DOC, orderInGroup: 2, displayName: 'Exclusion Topic Pattern for default' })
    .define({ ...common, name: REPLICATION_FACTOR_CONFIG, type: 'SHORT', validator: REPLICATION_FACTOR_VALIDATOR, documentation: REPLICATION_FACTOR_DOC, orderInGroup: 3, displayName: 'Replication Factor for Topics in default' })
    .define({ ...common, name: PARTITIONS_CONFIG, type: 'INT', validator: PARTITIONS_VALIDATOR, documentation: PARTITIONS_DOC, orderInGroup: 4, displayName: 'Partition Count for Topics in default' });
}

/** Kafka's `embedDefaultGroup`: the base keys plus `topic.creation.default.*`. */
export function embedDefaultTopicCreationGroup(base: ConfigDef): ConfigDef {
  return new ConfigDef(base).embed(`${TOPIC_CREATION_PREFIX}${DEFAULT_TOPIC_CREATION_GROUP}.`, DEFAULT_TOPIC_CREATION_GROUP, 0, defaultTopicCreationGroupConfigDef());
}

/** Kafka's `SourceConnectorConfig.enrich`: the keys of every group in `topic.creation.groups` except `default`. */
export function enrichTopicCreation(base: ConfigDef, props: Props, defaultReplicationFactor: number, defaultPartitions: number): ConfigDef {
  const groups = parseType(TOPIC_CREATION_GROUPS_CONFIG, props[TOPIC_CREATION_GROUPS_CONFIG], 'LIST');
  const enriched = new ConfigDef(base);
  for (const alias of new Set(Array.isArray(groups) ? groups : [])) {
    if (alias === DEFAULT_TOPIC_CREATION_GROUP) continue;
    const configGroup = `${TOPIC_CREATION_GROUP}: ${alias}`;
    enriched.embed(`${TOPIC_CREATION_PREFIX}${alias}.`, configGroup, 0, topicCreationConfigDef(configGroup, defaultReplicationFactor, defaultPartitions));
  }
  return enriched;
}
