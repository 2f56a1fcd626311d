/**
 * The `errors.*` keys of a connector config, parsed with the framework's own definitions: the
 * keys of the "Error Handling" group of SinkConnectorConfig, so defaults and validation cannot
 * drift. Sources read the DLQ keys too: routing failed source records to a DLQ is our extension.
 */
import { ConfigDef } from '#lib/plugin/config-def';
import {
  ERROR_GROUP,
  ERRORS_LOG_ENABLE_CONFIG,
  ERRORS_LOG_INCLUDE_MESSAGES_CONFIG,
  ERRORS_RETRY_MAX_DELAY_CONFIG,
  ERRORS_RETRY_TIMEOUT_CONFIG,
  ERRORS_TOLERANCE_CONFIG,
} from '#lib/plugin/connector-config';
import { javaTrim } from '#lib/plugin/java-format';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import {
  DLQ_CONTEXT_HEADERS_ENABLE_CONFIG,
  DLQ_TOPIC_NAME_CONFIG,
  DLQ_TOPIC_REPLICATION_FACTOR_CONFIG,
  sinkConnectorConfigDef,
} from '#lib/plugin/sink-connector-config';

/** Kafka's `ToleranceType`, as the config spells it. */
export type ToleranceType = 'none' | 'all';

export interface ErrorHandlingConfig {
  /** Total time to retry a failed operation, ms; -1 retries forever, 0 never retries. */
  readonly retryTimeoutMs: number;
  /** Upper bound of one backoff, ms. */
  readonly retryDelayMaxMs: number;
  readonly tolerance: ToleranceType;
  readonly logEnable: boolean;
  readonly logIncludeMessages: boolean;
  /** Trimmed; empty means no DLQ. */
  readonly dlqTopicName: string;
  readonly dlqTopicReplicationFactor: number;
  readonly dlqContextHeadersEnable: boolean;
}

let definition: ConfigDef | undefined;

/** The error-handling keys alone (built once from the sink connector definition). */
export function errorHandlingConfigDef(): ConfigDef {
  if (definition) return definition;
  const own = new ConfigDef();
  // Converter validators need a registry; the error-handling keys do not, so an empty one will do.
  for (const key of sinkConnectorConfigDef(new PluginRegistry()).configKeys().values()) {
    if (key.group === ERROR_GROUP) own.define({ ...key });
  }
  definition = own;
  return own;
}

/** Parses the `errors.*` keys of a connector config (other keys are ignored); throws ConfigException. */
export function parseErrorHandlingConfig(props: Readonly<Record<string, string | null | undefined>>): ErrorHandlingConfig {
  const values = errorHandlingConfigDef().parse(props);
  return {
    retryTimeoutMs: Number(values[ERRORS_RETRY_TIMEOUT_CONFIG] as bigint),
    retryDelayMaxMs: Number(values[ERRORS_RETRY_MAX_DELAY_CONFIG] as bigint),
    tolerance: values[ERRORS_TOLERANCE_CONFIG] as ToleranceType,
    logEnable: values[ERRORS_LOG_ENABLE_CONFIG] as boolean,
    logIncludeMessages: values[ERRORS_LOG_INCLUDE_MESSAGES_CONFIG] as boolean,
    dlqTopicName: javaTrim((values[DLQ_TOPIC_NAME_CONFIG] as string | null) ?? ''),
    dlqTopicReplicationFactor: values[DLQ_TOPIC_REPLICATION_FACTOR_CONFIG] as number,
    dlqContextHeadersEnable: values[DLQ_CONTEXT_HEADERS_ENABLE_CONFIG] as boolean,
  };
}
