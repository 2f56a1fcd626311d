/**
 * Kafka's `SinkConnectorConfig`: the framework keys of sinks and their cross-key checks
 * (`topics` xor `topics.regex`; the DLQ topic must not be one of the consumed topics).
 */
import { ConfigDef } from './config-def';
import { ConfigException } from './config-exception';
import { newConfigValue, type ConfigValue, type Validator } from './config-types';
import type { Props } from './config-validation';
import { COMMON_GROUP, connectorConfigDef, ERROR_GROUP } from './connector-config';
import { isBlank, javaToString, javaTrim } from './java-format';
import { javaRegex } from './java-regex';
import { parseType } from './parse-type';
import type { PluginRegistry } from './plugin-registry';
import { withRestartKeys } from './restart-config';

export const TOPICS_CONFIG = 'topics';
export const TOPICS_REGEX_CONFIG = 'topics.regex';
export const DLQ_TOPIC_NAME_CONFIG = 'errors.deadletterqueue.topic.name';
export const DLQ_TOPIC_REPLICATION_FACTOR_CONFIG = 'errors.deadletterqueue.topic.replication.factor';
export const DLQ_CONTEXT_HEADERS_ENABLE_CONFIG = 'errors.deadletterqueue.context.headers.enable';

const TOPICS_REGEX_DOC =
  'Regular expression giving topics to consume. ' +
  'Under the hood, the regex is compiled to a <code>java.util.regex.Pattern</code>. ' +
  'Only one of topics or topics.regex should be specified.';
const DLQ_TOPIC_NAME_DOC =
  'The name of the topic to be used as the dead letter queue (DLQ) for messages that ' +
  'result in an error when processed by this sink connector, or its transformations or converters. The topic name is blank by default, ' +
  'which means that no messages are to be recorded in the DLQ.';
const DLQ_CONTEXT_HEADERS_ENABLE_DOC =
  'If true, add headers containing error context to the messages ' +
  'written to the dead letter queue. To avoid clashing with headers from the original record, all error context header ' +
  'keys, all error context header keys will start with <code>__connect.errors.</code>';

export function sinkConnectorConfigDef(registry: PluginRegistry): ConfigDef {
  // Our restart.* keys come after Kafka's, so Kafka's keys and groups keep their positions.
  const def = new ConfigDef(connectorConfigDef(registry))
    .define({ name: TOPICS_CONFIG, type: 'LIST', defaultValue: '', importance: 'HIGH', documentation: 'List of topics to consume, separated by commas', group: COMMON_GROUP, orderInGroup: 4, width: 'LONG', displayName: 'Topics' })
    .define({ name: TOPICS_REGEX_CONFIG, type: 'STRING', defaultValue: '', validator: regexValidator(), importance: 'HIGH', documentation: TOPICS_REGEX_DOC, group: COMMON_GROUP, orderInGroup: 4, width: 'LONG', displayName: 'Topics regex' })
    .define({ name: DLQ_TOPIC_NAME_CONFIG, type: 'STRING', defaultValue: '', importance: 'MEDIUM', documentation: DLQ_TOPIC_NAME_DOC, group: ERROR_GROUP, orderInGroup: 6, width: 'MEDIUM', displayName: 'Dead Letter Queue Topic Name' })
    .define({ name: DLQ_TOPIC_REPLICATION_FACTOR_CONFIG, type: 'SHORT', defaultValue: 3, importance: 'MEDIUM', documentation: "Replication factor used to create the dead letter queue topic when it doesn't already exist.", group: ERROR_GROUP, orderInGroup: 7, width: 'MEDIUM', displayName: 'Dead Letter Queue Topic Replication Factor' })
    .define({ name: DLQ_CONTEXT_HEADERS_ENABLE_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', documentation: DLQ_CONTEXT_HEADERS_ENABLE_DOC, group: ERROR_GROUP, orderInGroup: 8, width: 'MEDIUM', displayName: 'Enable Error Context Headers' });
  return withRestartKeys(def);
}

/** Kafka's transforms `RegexValidator`: `Invalid regex: <reason>`. */
function regexValidator(): Validator {
  return {
    ensureValid(name, value) {
      try {
        javaRegex(value as string);
      } catch (err) {
        throw new ConfigException(name, value, `Invalid regex: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    toString: () => 'valid regex',
  };
}

/** Kafka's `SinkConnectorConfig.validate(props, validatedConfig)`: adds the cross-key errors in place. */
export function validateSinkConfig(props: Props, validated: Map<string, ConfigValue>): void {
  const topicsList = props[TOPICS_CONFIG] ?? null;
  const topicsRegex = props[TOPICS_REGEX_CONFIG] ?? null;
  const dlqTopic = javaTrim(props[DLQ_TOPIC_NAME_CONFIG] ?? '');
  const hasTopics = !isBlank(topicsList);
  const hasTopicsRegex = !isBlank(topicsRegex);
  if (hasTopics && hasTopicsRegex) {
    const message = 'topics and topics.regex are mutually exclusive options, but both are set.';
    addError(validated, TOPICS_CONFIG, topicsList, message);
    addError(validated, TOPICS_REGEX_CONFIG, topicsRegex, message);
  }
  if (!hasTopics && !hasTopicsRegex) {
    const message = 'Must configure one of topics or topics.regex';
    addError(validated, TOPICS_CONFIG, topicsList, message);
    addError(validated, TOPICS_REGEX_CONFIG, topicsRegex, message);
  }
  if (dlqTopic.length === 0) return;
  if (hasTopics) {
    const topics = parseTopicsList(props);
    if (topics.includes(dlqTopic)) {
      addError(validated, TOPICS_CONFIG, topicsList, `The DLQ topic '${dlqTopic}' may not be included in the list of topics ('topics=${javaToString(topics)}') consumed by the connector`);
    }
  }
  if (hasTopicsRegex && fullyMatches(topicsRegex ?? '', dlqTopic)) {
    addError(validated, TOPICS_REGEX_CONFIG, topicsRegex, `The DLQ topic '${dlqTopic}' may not be matched by the regex for the topics ('topics.regex=${topicsRegex}') consumed by the connector`);
  }
}

/** The distinct, non-empty topics of `topics`. */
export function parseTopicsList(props: Props): string[] {
  const topics = parseType(TOPICS_CONFIG, props[TOPICS_CONFIG], 'LIST');
  return Array.isArray(topics) ? [...new Set(topics.filter((t) => t.length > 0))] : [];
}

export function hasDlqTopicConfig(props: Props): boolean {
  return !isBlank(props[DLQ_TOPIC_NAME_CONFIG]);
}

/** A regex that does not compile is reported by its own validator, so it matches nothing here. */
function fullyMatches(regex: string, value: string): boolean {
  try {
    const pattern = javaRegex(regex);
    return new RegExp(`^(?:${pattern.source})$`, pattern.flags).test(value);
  } catch {
    return false;
  }
}

function addError(validated: Map<string, ConfigValue>, name: string, value: string | null, message: string): void {
  let configValue = validated.get(name);
  if (!configValue) {
    configValue = newConfigValue(name, value);
    validated.set(name, configValue);
  }
  configValue.errorMessages.push(message);
}
