/**
 * Kafka's `SourceConnectorConfig.configDef()`: topic creation groups, exactly-once support and
 * the per-connector offsets topic, on top of the common connector keys.
 */
import { ConfigDef } from './config-def';
import { connectorConfigDef, aliasValidator } from './connector-config';
import type { PluginRegistry } from './plugin-registry';
import { CaseInsensitiveValidString, LambdaValidator, NonEmptyString, Range } from './validators';
import { withRestartKeys } from './restart-config';

export const TOPIC_CREATION_GROUP = 'Topic Creation';
export const EXACTLY_ONCE_SUPPORT_GROUP = 'Exactly Once Support';
export const OFFSETS_TOPIC_GROUP = 'offsets.topic';

export const TOPIC_CREATION_PREFIX = 'topic.creation.';
export const TOPIC_CREATION_GROUPS_CONFIG = 'topic.creation.groups';
export const EXACTLY_ONCE_SUPPORT_CONFIG = 'exactly.once.support';
export const TRANSACTION_BOUNDARY_CONFIG = 'transaction.boundary';
export const TRANSACTION_BOUNDARY_INTERVAL_CONFIG = 'transaction.boundary.interval.ms';
export const OFFSETS_TOPIC_CONFIG = 'offsets.storage.topic';

const EXACTLY_ONCE_SUPPORT_DOC =
  'Permitted values are requested, required. ' +
  'If set to "required", forces a preflight check for the connector to ensure that it can provide exactly-once semantics ' +
  'with the given configuration. Some connectors may be capable of providing exactly-once semantics but not signal to ' +
  'Connect that they support this; in that case, documentation for the connector should be consulted carefully before ' +
  'creating it, and the value for this property should be set to "requested". ' +
  'Additionally, if the value is set to "required" but the worker that performs preflight validation does not have ' +
  'exactly-once support enabled for source connectors, requests to create or validate the connector will fail.';
const TRANSACTION_BOUNDARY_DOC =
  'Permitted values are: poll, interval, connector. ' +
  "If set to 'poll', a new producer transaction will be started and committed for every batch of records that each task from " +
  "this connector provides to Connect. If set to 'connector', relies on connector-defined transaction boundaries; note that " +
  'not all connectors are capable of defining their own transaction boundaries, and in that case, attempts to instantiate a connector with ' +
  "this value will fail. Finally, if set to 'interval', commits transactions only after a user-defined time interval has passed.";
const TRANSACTION_BOUNDARY_INTERVAL_DOC =
  "If 'transaction.boundary' is set to 'interval', determines the interval for producer transaction commits by connector tasks. " +
  "If unset, defaults to the value of the worker-level 'offset.flush.interval.ms' property. It has no effect if a different " +
  'transaction.boundary is specified.';
const OFFSETS_TOPIC_DOC =
  'The name of a separate offsets topic to use for this connector. ' +
  'If empty or not specified, the worker’s global offsets topic name will be used. ' +
  'If specified, the offsets topic will be created if it does not already exist on the Kafka cluster targeted by this connector ' +
  "(which may be different from the one used for the worker's global offsets topic if the bootstrap.servers property of the connector's producer " +
  "has been overridden from the worker's). Only applicable in distributed mode; in standalone mode, setting this property will have no effect.";

export function sourceConnectorConfigDef(registry: PluginRegistry): ConfigDef {
  const atLeastZero = Range.atLeast(0);
  // Our restart.* keys come after Kafka's, so Kafka's keys and groups keep their positions.
  const def = new ConfigDef(connectorConfigDef(registry))
    .define({ name: TOPIC_CREATION_GROUPS_CONFIG, type: 'LIST', defaultValue: [], validator: aliasValidator('unique topic creation groups'), importance: 'LOW', documentation: 'Groups of configurations for topics created by source connectors', group: TOPIC_CREATION_GROUP, orderInGroup: 1, width: 'LONG', displayName: 'Topic Creation Groups' })
    .define({ name: EXACTLY_ONCE_SUPPORT_CONFIG, type: 'STRING', defaultValue: 'requested', validator: CaseInsensitiveValidString.in('requested', 'required'), importance: 'MEDIUM', documentation: EXACTLY_ONCE_SUPPORT_DOC, group: EXACTLY_ONCE_SUPPORT_GROUP, orderInGroup: 2, width: 'SHORT', displayName: 'Exactly once support' })
    .define({ name: TRANSACTION_BOUNDARY_CONFIG, type: 'STRING', defaultValue: 'poll', validator: CaseInsensitiveValidString.in('poll', 'interval', 'connector'), importance: 'MEDIUM', documentation: TRANSACTION_BOUNDARY_DOC, group: EXACTLY_ONCE_SUPPORT_GROUP, orderInGroup: 3, width: 'SHORT', displayName: 'Transaction Boundary' })
    .define({
      name: TRANSACTION_BOUNDARY_INTERVAL_CONFIG,
      type: 'LONG',
      defaultValue: null,
      validator: LambdaValidator.with((name, value) => value === null || atLeastZero.ensureValid(name, value), () => atLeastZero.toString()),
      importance: 'LOW',
      documentation: TRANSACTION_BOUNDARY_INTERVAL_DOC,
      group: EXACTLY_ONCE_SUPPORT_GROUP,
      orderInGroup: 4,
      width: 'SHORT',
      displayName: 'Transaction boundary interval',
    })
    .define({ name: OFFSETS_TOPIC_CONFIG, type: 'STRING', defaultValue: null, validator: NonEmptyString(), importance: 'LOW', documentation: OFFSETS_TOPIC_DOC, group: OFFSETS_TOPIC_GROUP, orderInGroup: 1, width: 'LONG', displayName: 'Offsets topic' });
  return withRestartKeys(def);
}

/** Sources use an admin client (and its `admin.override.*` keys) when any `topic.creation.*` key is set. */
export function usesTopicCreation(props: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(props).some((key) => key.startsWith(TOPIC_CREATION_PREFIX));
}
