/** Registry descriptors for the bundled predicates: Kafka's class names and version. */
import type { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Predicate, PredicateDescriptor } from './predicate';

export const PREDICATES_PACKAGE = 'org.apache.kafka.connect.transforms.predicates';

export function predicateDescriptor(className: string, configDef: () => ConfigDef, create: () => Predicate): PredicateDescriptor {
  return Object.freeze({ className, type: 'predicate', version: BUNDLED_PLUGIN_VERSION, configDef, create });
}
