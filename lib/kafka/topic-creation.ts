/**
 * Topic creation for a source task (KIP-158, Kafka's `TopicCreation` and the task's
 * `maybeCreateTopic`). Enabled when the worker's `topic.creation.enable` is true (its default) and
 * the connector config has a `topic.creation.*` key. Before the task first produces to a topic,
 * `ensureTopicsForRecords` checks whether it exists and otherwise creates it with the first
 * matching group's settings; each topic is handled once per process (cached).
 *
 * Where the brokers do not implement CreateTopics (the embedded mock) or refuse it, the topic is
 * left to the broker's auto-creation with one log line, and cached too. Kafka fails the task there;
 * we carry on, so that standalone mode works against the mock. Calls are serialised.
 */
import { createLogger, type Logger } from '#lib/logging/logger';
import type { Props } from '#lib/plugin/config-validation';
import type { AdminPort } from './admin-port';
import { findFirstGroup, newTopicSpec, topicCreationGroups } from './topic-creation-groups';

export interface TopicCreationOptions {
  /** Needs createTopics and listTopics. */
  readonly admin: Pick<AdminPort, 'createTopics' | 'listTopics'>;
  /** The connector's config. */
  readonly connectorConfig: Props;
  /** The worker's `topic.creation.enable`. Default true. */
  readonly topicCreationEnable?: boolean;
  readonly logger?: Logger;
}

/** What one call did with the topics it had not seen before. */
export interface TopicCreationOutcome {
  readonly created: readonly string[];
  readonly existing: readonly string[];
  /** Left to the broker's auto-creation (CreateTopics unsupported or not allowed). */
  readonly leftToBroker: readonly string[];
}

export interface TopicCreation {
  readonly enabled: boolean;
  ensureTopicsForRecords(topics: Iterable<string>): Promise<TopicCreationOutcome>;
}

const NOTHING: TopicCreationOutcome = { created: [], existing: [], leftToBroker: [] };

export function createTopicCreation({ admin, connectorConfig, topicCreationEnable = true, logger = createLogger('lambda_connect.kafka.topic_creation') }: TopicCreationOptions): TopicCreation {
  const config = topicCreationEnable ? topicCreationGroups(connectorConfig) : undefined;
  const known = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();

  async function ensure(topics: readonly string[]): Promise<TopicCreationOutcome> {
    if (config === undefined) return NOTHING;
    const fresh = topics.filter((t) => !known.has(t));
    if (fresh.length === 0) return NOTHING;
    for (const topic of fresh) logger.info(`The task will send records to topic '${topic}' for the first time. Checking whether topic exists`);
    const listed = new Set(await admin.listTopics());
    const existing = fresh.filter((t) => listed.has(t));
    for (const topic of existing) {
      logger.info(`Topic '${topic}' already exists.`);
      known.add(topic);
    }
    const missing = fresh.filter((t) => !listed.has(t));
    if (missing.length === 0) return { ...NOTHING, existing };
    const specs = missing.map((topic) => {
      const group = findFirstGroup(config, topic);
      logger.info(`Creating topic '${topic}'`, { group: group.name });
      return newTopicSpec(group, topic);
    });
    const result = await admin.createTopics(specs);
    if (!result.supported) {
      for (const topic of missing) {
        logger.info(`Topic '${topic}' will be auto-created by the broker: ${result.reason}`);
        known.add(topic);
      }
      return { ...NOTHING, existing, leftToBroker: missing };
    }
    for (const topic of result.created) logger.info(`Created topic '${topic}'`, { group: findFirstGroup(config, topic).name });
    for (const topic of result.existing) logger.info(`Found existing topic '${topic}'`);
    for (const topic of [...result.created, ...result.existing]) known.add(topic);
    return { created: result.created, existing: [...existing, ...result.existing], leftToBroker: [] };
  }

  return {
    enabled: config !== undefined,
    ensureTopicsForRecords(topics) {
      const unique = [...new Set(topics)];
      if (config === undefined || unique.every((t) => known.has(t))) return Promise.resolve(NOTHING);
      const run = queue.then(() => ensure(unique));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
