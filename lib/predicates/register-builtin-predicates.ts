/** The predicates that ship with Kafka Connect (`connect-transforms`), under their class names. */
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { hasHeaderKeyDescriptor } from './has-header-key';
import type { PredicateDescriptor } from './predicate';
import { recordIsTombstoneDescriptor } from './record-is-tombstone';
import { topicNameMatchesDescriptor } from './topic-name-matches';

export const BUILTIN_PREDICATES: readonly PredicateDescriptor[] = Object.freeze([hasHeaderKeyDescriptor, recordIsTombstoneDescriptor, topicNameMatchesDescriptor]);

export function registerBuiltinPredicates(registry: PluginRegistry): PluginRegistry {
  return registry.register(...BUILTIN_PREDICATES);
}
