/**
 * How Kafka names plugins: the simple class name, the alias without the type's suffix
 * (`FileStreamSinkConnector` → `FileStreamSink`, `JsonConverter` → `Json`), and `PluginDesc.toString()`
 * as it appears in "available connectors are: …" messages.
 */
import { javaSimpleName } from './java-format';
import type { PluginDescriptor, PluginType } from './types';

const TYPE_SUFFIX: Readonly<Record<PluginType, string>> = {
  sink: 'Connector',
  source: 'Connector',
  converter: 'Converter',
  header_converter: 'HeaderConverter',
  transformation: 'Transformation',
  predicate: 'Predicate',
};

export function simpleName(descriptor: Pick<PluginDescriptor, 'className'>): string {
  return javaSimpleName(descriptor.className);
}

/** Kafka's `PluginUtils.prunedName`: everything before the last occurrence of the type suffix, if not at 0. */
export function prunedName(descriptor: Pick<PluginDescriptor, 'className' | 'type'>): string {
  const simple = simpleName(descriptor);
  const pos = simple.lastIndexOf(TYPE_SUFFIX[descriptor.type]);
  return pos > 0 ? simple.slice(0, pos) : simple;
}

/** Kafka's version string of a plugin that reports none. */
export const UNDEFINED_VERSION = 'undefined';

/** `PluginDesc.toString()` of a plugin found on the classpath. */
export function pluginDescString(descriptor: Pick<PluginDescriptor, 'className' | 'type' | 'version'>): string {
  const version = descriptor.version ?? UNDEFINED_VERSION;
  return (
    `PluginDesc{klass=class ${descriptor.className}, name='${descriptor.className}', version='${version}', ` +
    `encodedVersion=${version}, type=${descriptor.type}, typeName='${descriptor.type}', location='classpath'}`
  );
}
