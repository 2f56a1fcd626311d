/**
 * Builds a connector's transformation chain as Kafka's `ConnectorConfig` does: the config is first
 * parsed against the definition enriched with every alias's plugin keys (so a missing `type`, an
 * unknown class, a missing required key or a bad value is a ConfigException with Kafka's message,
 * e.g. `Missing required configuration "transforms.t.field" which has no default value.`), then
 * `transformationStages()` creates one stage per alias in `transforms` order: the transformation
 * configured with its `transforms.<alias>.*` keys (prefix removed, `predicate` and `negate` taken
 * out), and, when `transforms.<alias>.predicate` names one, a predicate configured with
 * `predicates.<name>.*`. A predicate alias missing from `predicates` fails with
 * `Unknown configuration 'predicates.<name>.type'`. Kafka wraps these last errors in a
 * ConnectException; here the ConfigException itself is thrown.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import { ConfigDef } from '#lib/plugin/config-def';
import { ConfigException } from '#lib/plugin/config-exception';
import { aliasValidator, PREDICATES_CONFIG, TRANSFORMS_CONFIG } from '#lib/plugin/connector-config';
import { enrich, NEGATE_CONFIG, PREDICATE_CONFIG } from '#lib/plugin/enrich';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { isPredicate, type Predicate } from '#lib/predicates/predicate';
import { isTransformation, type Transformation } from './transformation';
import { TransformationChain } from './transformation-chain';
import { TransformationStage } from './transformation-stage';

export interface CreateTransformationChainOptions {
  readonly registry: PluginRegistry;
  /** The connector configuration as stored (raw strings). */
  readonly config: Readonly<Record<string, string>>;
  /** Told about errors thrown by a transformation's or predicate's `close()`. */
  readonly onCloseError?: (err: unknown) => void;
}

export function createTransformationChain<R extends ConnectRecord = ConnectRecord>(options: CreateTransformationChainOptions): TransformationChain<R> {
  const { registry, config } = options;
  const parsed = enrich(registry, aliasesConfigDef(), config, true).parse(config, { resolveClass: (name) => registry.resolveClass(name) });
  const stages: TransformationStage<R>[] = [];
  try {
    for (const alias of parsed[TRANSFORMS_CONFIG] as string[]) stages.push(createStage<R>(options, parsed, alias));
  } catch (err) {
    for (const stage of stages) stage.close();
    throw err;
  }
  return new TransformationChain(stages);
}

function createStage<R extends ConnectRecord>({ registry, config, onCloseError }: CreateTransformationChainOptions, parsed: Readonly<Record<string, unknown>>, alias: string): TransformationStage<R> {
  const prefix = `${TRANSFORMS_CONFIG}.${alias}.`;
  const transformClass = parsed[`${prefix}type`] as string;
  const transformation = registry.findOfType(transformClass, 'transformation')?.create();
  if (!isTransformation(transformation)) throw new ConfigException(`Class ${transformClass} does not implement the Transformation interface`);
  const props = originalsWithPrefix(config, prefix);
  const predicateAlias = props[PREDICATE_CONFIG];
  const negate = props[NEGATE_CONFIG];
  delete props[PREDICATE_CONFIG];
  delete props[NEGATE_CONFIG];
  transformation.configure(props);
  const stage = { alias, transformClass, transformation: transformation as Transformation<R>, onCloseError };
  if (predicateAlias === undefined) return new TransformationStage(stage);
  try {
    const predicate = createPredicate<R>(registry, config, parsed, predicateAlias);
    return new TransformationStage({ ...stage, predicate, negate: negate !== undefined && negate.toLowerCase() === 'true' });
  } catch (err) {
    new TransformationStage(stage).close();
    throw err;
  }
}

function createPredicate<R extends ConnectRecord>(registry: PluginRegistry, config: Readonly<Record<string, string>>, parsed: Readonly<Record<string, unknown>>, alias: string): Predicate<R> {
  const prefix = `${PREDICATES_CONFIG}.${alias}.`;
  const typeKey = `${prefix}type`;
  if (!Object.hasOwn(parsed, typeKey)) throw new ConfigException(`Unknown configuration '${typeKey}'`);
  const className = parsed[typeKey] as string;
  const predicate = registry.findOfType(className, 'predicate')?.create();
  if (!isPredicate(predicate)) throw new ConfigException(`Class ${className} does not implement the Predicate interface`);
  predicate.configure(originalsWithPrefix(config, prefix));
  return predicate as Predicate<R>;
}

/** Only the alias lists: the rest of the connector config is validated where the connector is. */
function aliasesConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: TRANSFORMS_CONFIG, type: 'LIST', defaultValue: [], validator: aliasValidator('unique transformation aliases'), importance: 'LOW' })
    .define({ name: PREDICATES_CONFIG, type: 'LIST', defaultValue: [], validator: aliasValidator('unique predicate aliases'), importance: 'LOW' });
}

function originalsWithPrefix(config: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key.startsWith(prefix) && typeof value === 'string') props[key.slice(prefix.length)] = value;
  }
  return props;
}
