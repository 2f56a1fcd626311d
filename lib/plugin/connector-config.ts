/**
 * Kafka's `ConnectorConfig.configDef()`: the framework keys every connector has, with Kafka 3.9's
 * groups, orders, widths and display names. Converter keys are checked against the registry.
 */
import { ConfigDef } from './config-def';
import { ConfigException } from './config-exception';
import type { Validator } from './config-types';
import * as docs from './connector-config-docs';
import { pluginClassValidator } from './plugin-class-validators';
import type { PluginRegistry } from './plugin-registry';
import { CompositeValidator, NonEmptyStringWithoutControlChars, NonNullValidator, Range, ValidString } from './validators';

export const COMMON_GROUP = 'Common';
export const TRANSFORMS_GROUP = 'Transforms';
export const PREDICATES_GROUP = 'Predicates';
export const ERROR_GROUP = 'Error Handling';

export const NAME_CONFIG = 'name';
export const CONNECTOR_CLASS_CONFIG = 'connector.class';
export const TASKS_MAX_CONFIG = 'tasks.max';
export const TASKS_MAX_ENFORCE_CONFIG = 'tasks.max.enforce';
export const KEY_CONVERTER_CLASS_CONFIG = 'key.converter';
export const VALUE_CONVERTER_CLASS_CONFIG = 'value.converter';
export const HEADER_CONVERTER_CLASS_CONFIG = 'header.converter';
export const TRANSFORMS_CONFIG = 'transforms';
export const PREDICATES_CONFIG = 'predicates';
export const CONFIG_RELOAD_ACTION_CONFIG = 'config.action.reload';
export const ERRORS_RETRY_TIMEOUT_CONFIG = 'errors.retry.timeout';
export const ERRORS_RETRY_MAX_DELAY_CONFIG = 'errors.retry.delay.max.ms';
export const ERRORS_TOLERANCE_CONFIG = 'errors.tolerance';
export const ERRORS_LOG_ENABLE_CONFIG = 'errors.log.enable';
export const ERRORS_LOG_INCLUDE_MESSAGES_CONFIG = 'errors.log.include.messages';

export const CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX = 'producer.override.';
export const CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX = 'consumer.override.';
export const CONNECTOR_CLIENT_ADMIN_OVERRIDES_PREFIX = 'admin.override.';

export function connectorConfigDef(registry: PluginRegistry): ConfigDef {
  const common = { group: COMMON_GROUP };
  const errors = { group: ERROR_GROUP };
  return new ConfigDef()
    .define({ ...common, name: NAME_CONFIG, type: 'STRING', validator: NonEmptyStringWithoutControlChars(), importance: 'HIGH', documentation: docs.NAME_DOC, orderInGroup: 1, width: 'MEDIUM', displayName: 'Connector name' })
    .define({ ...common, name: CONNECTOR_CLASS_CONFIG, type: 'STRING', importance: 'HIGH', documentation: docs.CONNECTOR_CLASS_DOC, orderInGroup: 2, width: 'LONG', displayName: 'Connector class' })
    .define({ ...common, name: TASKS_MAX_CONFIG, type: 'INT', defaultValue: 1, validator: Range.atLeast(1), importance: 'HIGH', documentation: docs.TASKS_MAX_DOC, orderInGroup: 3, width: 'SHORT', displayName: 'Tasks max' })
    .define({ ...common, name: TASKS_MAX_ENFORCE_CONFIG, type: 'BOOLEAN', defaultValue: true, importance: 'LOW', documentation: docs.TASKS_MAX_ENFORCE_DOC, orderInGroup: 4, width: 'SHORT', displayName: 'Enforce tasks max' })
    .define({ ...common, name: KEY_CONVERTER_CLASS_CONFIG, type: 'CLASS', defaultValue: null, validator: pluginClassValidator(registry, 'converter'), importance: 'LOW', documentation: docs.KEY_CONVERTER_CLASS_DOC, orderInGroup: 5, width: 'SHORT', displayName: 'Key converter class' })
    .define({ ...common, name: VALUE_CONVERTER_CLASS_CONFIG, type: 'CLASS', defaultValue: null, validator: pluginClassValidator(registry, 'converter'), importance: 'LOW', documentation: docs.VALUE_CONVERTER_CLASS_DOC, orderInGroup: 6, width: 'SHORT', displayName: 'Value converter class' })
    .define({ ...common, name: HEADER_CONVERTER_CLASS_CONFIG, type: 'CLASS', defaultValue: null, validator: pluginClassValidator(registry, 'header_converter'), importance: 'LOW', documentation: docs.HEADER_CONVERTER_CLASS_DOC, orderInGroup: 7, width: 'SHORT', displayName: 'Header converter class' })
    .define({ name: TRANSFORMS_CONFIG, type: 'LIST', defaultValue: [], validator: aliasValidator('unique transformation aliases'), importance: 'LOW', documentation: docs.TRANSFORMS_DOC, group: TRANSFORMS_GROUP, orderInGroup: 8, width: 'LONG', displayName: 'Transforms' })
    .define({ name: PREDICATES_CONFIG, type: 'LIST', defaultValue: [], validator: aliasValidator('unique predicate aliases'), importance: 'LOW', documentation: docs.PREDICATES_DOC, group: PREDICATES_GROUP, orderInGroup: 9, width: 'LONG', displayName: 'Predicates' })
    .define({ ...common, name: CONFIG_RELOAD_ACTION_CONFIG, type: 'STRING', defaultValue: 'restart', validator: ValidString.in('none', 'restart'), importance: 'LOW', documentation: docs.CONFIG_RELOAD_ACTION_DOC, orderInGroup: 10, width: 'MEDIUM', displayName: 'Reload Action' })
    .define({ ...errors, name: ERRORS_RETRY_TIMEOUT_CONFIG, type: 'LONG', defaultValue: 0, importance: 'MEDIUM', documentation: docs.ERRORS_RETRY_TIMEOUT_DOC, orderInGroup: 1, width: 'MEDIUM', displayName: 'Retry Timeout for Errors' })
    .define({ ...errors, name: ERRORS_RETRY_MAX_DELAY_CONFIG, type: 'LONG', defaultValue: 60000, importance: 'MEDIUM', documentation: docs.ERRORS_RETRY_MAX_DELAY_DOC, orderInGroup: 2, width: 'MEDIUM', displayName: 'Maximum Delay Between Retries for Errors' })
    .define({ ...errors, name: ERRORS_TOLERANCE_CONFIG, type: 'STRING', defaultValue: 'none', validator: ValidString.in('none', 'all'), importance: 'MEDIUM', documentation: docs.ERRORS_TOLERANCE_DOC, orderInGroup: 3, width: 'SHORT', displayName: 'Error Tolerance' })
    .define({ ...errors, name: ERRORS_LOG_ENABLE_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', documentation: docs.ERRORS_LOG_ENABLE_DOC, orderInGroup: 4, width: 'SHORT', displayName: 'Log Errors' })
    .define({ ...errors, name: ERRORS_LOG_INCLUDE_MESSAGES_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', documentation: docs.ERRORS_LOG_INCLUDE_MESSAGES_DOC, orderInGroup: 5, width: 'SHORT', displayName: 'Log Error Details' });
}

/** Alias lists (`transforms`, `predicates`, `topic.creation.groups`): non-null, no duplicates. */
export function aliasValidator(description: string): Validator {
  return CompositeValidator.of(NonNullValidator(), {
    ensureValid(name, value) {
      const aliases = value as string[];
      if (aliases.length > new Set(aliases).size) throw new ConfigException(name, value, 'Duplicate alias provided.');
    },
    toString: () => description,
  });
}
