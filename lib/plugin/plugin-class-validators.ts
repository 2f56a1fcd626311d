/**
 * Kafka's `ConcreteSubClassValidator` + `InstantiableClassValidator` for CLASS keys naming a plugin
 * (converters), checked against the registry instead of the JVM's class loader.
 */
import { ConfigException } from './config-exception';
import type { Validator } from './config-types';
import { javaClassToString } from './java-format';
import type { PluginRegistry } from './plugin-registry';
import type { OtherPluginType } from './types';
import { CompositeValidator } from './validators';

/** The Java interface behind each plugin type, as Kafka names it in messages and docs. */
export const PLUGIN_INTERFACES: Readonly<Record<OtherPluginType, { simpleName: string; className: string }>> = {
  converter: { simpleName: 'Converter', className: 'org.apache.kafka.connect.storage.Converter' },
  header_converter: { simpleName: 'HeaderConverter', className: 'org.apache.kafka.connect.storage.HeaderConverter' },
  transformation: { simpleName: 'Transformation', className: 'org.apache.kafka.connect.transforms.Transformation' },
  predicate: { simpleName: 'Predicate', className: 'org.apache.kafka.connect.transforms.predicates.Predicate' },
};

/** `Utils.ensureConcreteSubclass`: `Class class X does not implement the Converter interface`. */
export function ensurePluginOfType(registry: PluginRegistry, type: OtherPluginType, className: string): void {
  if (!registry.findOfType(className, type)) {
    throw new ConfigException(`Class ${javaClassToString(className)} does not implement the ${PLUGIN_INTERFACES[type].simpleName} interface`);
  }
}

/** A CLASS key that must name an installed plugin of `type` that can be created. Null passes. */
export function pluginClassValidator(registry: PluginRegistry, type: OtherPluginType): Validator {
  const concreteSubclass: Validator = {
    ensureValid(_name, value) {
      if (typeof value === 'string') ensurePluginOfType(registry, type, value);
    },
    toString: () => `A concrete subclass of ${PLUGIN_INTERFACES[type].className}`,
  };
  const instantiable: Validator = {
    ensureValid(name, value) {
      if (typeof value !== 'string') return;
      try {
        registry.findOfType(value, type)?.create();
      } catch (err) {
        const message = err instanceof Error && err.message ? `: ${err.message}` : '';
        throw new ConfigException(name, value, `Could not instantiate class${message}`);
      }
    },
    toString: () => 'A class with a public, no-argument constructor',
  };
  return CompositeValidator.of(concreteSubclass, instantiable);
}
