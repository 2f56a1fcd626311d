/** The registry a worker starts with: every plugin that ships with lambda-connect. */
import { registerBuiltinConnectors } from '#lib/connectors/index';
import { PluginRegistry } from './plugin-registry';

export function createDefaultRegistry(): PluginRegistry {
  return registerBuiltinConnectors(new PluginRegistry());
}
