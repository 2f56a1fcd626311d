/**
 * The herder's `ConnectorPlugins` port bound to a registry. Each operation uses a fresh connector
 * instance: task configs come from create → start(config) → taskConfigs → stop, the serverless
 * equivalent of Kafka's long-running WorkerConnector being asked to reconfigure.
 */
import type { ConnectorPlugins } from '#lib/herder/deps';
import type { ConnectorType } from '#lib/herder/types';
import { CONNECTOR_CLASS_CONFIG, TASKS_MAX_CONFIG } from './connector-config';
import { parseType } from './parse-type';
import { pluginConfigKeys } from './plugin-config-keys';
import type { PluginRegistry } from './plugin-registry';
import { buildTaskConfigs } from './task-configs';
import { configErrorsMessage, validateConnectorConfig, type ValidateOptions } from './validate-connector-config';

export function createConnectorPlugins(registry: PluginRegistry, options: ValidateOptions = {}): ConnectorPlugins {
  return {
    validate: (config) => validateConnectorConfig(registry, config, options),
    errorsMessage: configErrorsMessage,
    connectorType(connectorClass): ConnectorType {
      try {
        return registry.connector(connectorClass).type;
      } catch {
        return 'unknown';
      }
    },
    async generateTaskConfigs(config) {
      const connector = registry.connector(config[CONNECTOR_CLASS_CONFIG] ?? '').create();
      try {
        await connector.start(config);
        return await buildTaskConfigs(connector, config, tasksMax(config));
      } finally {
        await connector.stop();
      }
    },
    async alterOffsets(config, offsets) {
      const connector = registry.connector(config[CONNECTOR_CLASS_CONFIG] ?? '').create();
      return connector.alterOffsets ? await connector.alterOffsets(config, offsets) : false;
    },
    list: (connectorsOnly) => registry.list(connectorsOnly ? ['sink', 'source'] : undefined),
    pluginConfig: (plugin) => pluginConfigKeys(registry, plugin),
  };
}

/** `tasks.max` of a validated config (default 1). */
function tasksMax(config: Readonly<Record<string, string>>): number {
  const value = parseType(TASKS_MAX_CONFIG, config[TASKS_MAX_CONFIG] ?? '1', 'INT');
  return typeof value === 'number' ? value : 1;
}
