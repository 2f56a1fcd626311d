/**
 * `GET /connector-plugins/{p}/config` (Kafka's `AbstractHerder.connectorPluginConfig`): the plugin's
 * own keys first, then, for connectors, the sink or source framework keys it does not define itself.
 */
import { NotFoundError } from '#lib/errors';
import type { ConfigKeyInfo } from '#lib/herder/types';
import { toConfigKeyInfo } from './config-key-info';
import type { ConfigKey } from './config-types';
import type { PluginRegistry } from './plugin-registry';
import { sinkConnectorConfigDef } from './sink-connector-config';
import { sourceConnectorConfigDef } from './source-connector-config';

export function pluginConfigKeys(registry: PluginRegistry, plugin: string): ConfigKeyInfo[] {
  // A class of several types is treated as the first of sink, source, converter, … (Kafka's instanceof chain).
  const [descriptor] = registry.find(plugin);
  if (!descriptor) throw new NotFoundError(`Unknown plugin ${plugin}.`);
  const keys = new Map<string, ConfigKey>(descriptor.configDef().configKeys());
  const base = descriptor.type === 'sink' ? sinkConnectorConfigDef(registry) : descriptor.type === 'source' ? sourceConnectorConfigDef(registry) : null;
  for (const [name, key] of base?.configKeys() ?? []) if (!keys.has(name)) keys.set(name, key);
  return [...keys.values()].map((key) => toConfigKeyInfo(key));
}
