/** The connectors that ship with lambda-connect, as Kafka ships the FileStream examples. */
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { fileStreamSinkDescriptor } from './file/file-stream-sink-connector';
import { fileStreamSourceDescriptor } from './file/file-stream-source-connector';

export function registerBuiltinConnectors(registry: PluginRegistry): PluginRegistry {
  return registry.register(fileStreamSinkDescriptor, fileStreamSourceDescriptor);
}
