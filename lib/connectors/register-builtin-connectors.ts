/**
 * The connectors that ship with lambda-connect: Kafka's FileStream examples, a JDBC source for
 * PostgreSQL compatible with Confluent's, and our data generator.
 */
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { dataGenSourceDescriptor } from './datagen/datagen-source-connector';
import { fileStreamSinkDescriptor } from './file/file-stream-sink-connector';
import { fileStreamSourceDescriptor } from './file/file-stream-source-connector';
import { jdbcSourceDescriptor } from './jdbc/jdbc-source-connector';

export function registerBuiltinConnectors(registry: PluginRegistry): PluginRegistry {
  return registry.register(fileStreamSinkDescriptor, fileStreamSourceDescriptor, jdbcSourceDescriptor, dataGenSourceDescriptor);
}
