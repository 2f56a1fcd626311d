/**
 * The connectors that ship with lambda-connect: Kafka's FileStream examples, the JDBC source and
 * sink for PostgreSQL compatible with Confluent's, our HTTP sink and our data generator.
 */
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { dataGenSourceDescriptor } from './datagen/datagen-source-connector';
import { fileStreamSinkDescriptor } from './file/file-stream-sink-connector';
import { fileStreamSourceDescriptor } from './file/file-stream-source-connector';
import { httpSinkDescriptor } from './http/http-sink-connector';
import { jdbcSourceDescriptor } from './jdbc/jdbc-source-connector';
import { jdbcSinkDescriptor } from './jdbc/sink/jdbc-sink-connector';

export function registerBuiltinConnectors(registry: PluginRegistry): PluginRegistry {
  return registry.register(fileStreamSinkDescriptor, fileStreamSourceDescriptor, jdbcSourceDescriptor, jdbcSinkDescriptor, httpSinkDescriptor, dataGenSourceDescriptor);
}
