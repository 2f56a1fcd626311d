/** Binds the plugin registry to the herder's view of plugins (ConnectorPlugins). */
import { pluginConfigKeys } from '#lib/plugin/plugin-config-keys';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { buildTaskConfigs } from '#lib/plugin/task-configs';
import { configErrorsMessage, validateConnectorConfig } from '#lib/plugin/validate-connector-config';
import type { ConnectorPlugins } from './deps';

export function registryPlugins(registry: PluginRegistry): ConnectorPlugins {
  const connectorOf = (config: Record<string, string>) => registry.connector(config['connector.class'] ?? '');
  return {
    validate: (config) => validateConnectorConfig(registry, config),
    errorsMessage: configErrorsMessage,
    connectorType(connectorClass) {
      try {
        return registry.connector(connectorClass).type;
      } catch {
        return 'unknown';
      }
    },
    // Kafka's WorkerConnector: start, ask for task configs, and always stop the instance again.
    async generateTaskConfigs(config) {
      const connector = connectorOf(config).create();
      try {
        await connector.start(config);
        return await buildTaskConfigs(connector, config, Number(config['tasks.max'] ?? '1'));
      } finally {
        await connector.stop();
      }
    },
    async alterOffsets(config, offsets) {
      const connector = connectorOf(config).create();
      return (await connector.alterOffsets?.(config, offsets)) ?? false;
    },
    list: (connectorsOnly) => registry.list(connectorsOnly ? ['sink', 'source'] : undefined),
    pluginConfig: (plugin) => pluginConfigKeys(registry, plugin),
  };
}
