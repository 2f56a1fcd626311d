/**
 * The registry a worker starts with: every plugin that ships with lambda-connect — connectors,
 * converters, transformations and predicates — so `/connector-plugins?connectorsOnly=false` lists
 * them as Kafka does and configs can name them by class or alias.
 */
import { registerBuiltinConnectors } from '#lib/connectors/index';
import { registerBuiltinConverters } from '#lib/converters/builtin-converters';
import { registerBuiltinPredicates } from '#lib/predicates/register-builtin-predicates';
import { registerBuiltinTransforms } from '#lib/transforms/register-builtin-transforms';
import { PluginRegistry } from './plugin-registry';

export function createDefaultRegistry(): PluginRegistry {
  const registry = new PluginRegistry();
  registerBuiltinConnectors(registry);
  registerBuiltinConverters(registry);
  registerBuiltinTransforms(registry);
  registerBuiltinPredicates(registry);
  return registry;
}
