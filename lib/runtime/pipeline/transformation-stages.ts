/**
 * Kafka's `ConnectorConfig.transformationStages`: for each alias of `transforms`, a fresh
 * transformation of class `transforms.<alias>.type`, configured with its `transforms.<alias>.*`
 * keys (prefix removed, `predicate` and `negate` taken out); with `predicate`, a fresh predicate of
 * class `predicates.<name>.type` configured with its `predicates.<name>.*` keys. Any failure is a
 * ConnectError wrapping the cause, as Kafka wraps it in a ConnectException.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import { ConnectError } from '#lib/errors';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { transformationStage, type StagePredicate, type StageTransformation, type TransformationStage } from './transformation-stage';

type Props = Readonly<Record<string, string>>;

interface Configurable {
  configure(props: Readonly<Record<string, string>>): void;
}

export function buildTransformationStages<R extends ConnectRecord>(registry: PluginRegistry, config: Props): TransformationStage<R>[] {
  const stages: TransformationStage<R>[] = [];
  for (const alias of aliases(config.transforms)) {
    const prefix = `transforms.${alias}.`;
    try {
      const { predicate: predicateAlias, negate, ...props } = withPrefix(config, prefix);
      const [transformClass, transformation] = instantiate<StageTransformation<R>>(registry, props.type, 'transformation');
      transformation.configure(props);
      if (predicateAlias === undefined) {
        stages.push(transformationStage(transformClass, transformation));
        continue;
      }
      const predicateProps = withPrefix(config, `predicates.${predicateAlias}.`);
      const [, predicate] = instantiate<StagePredicate<R>>(registry, predicateProps.type, 'predicate');
      predicate.configure(predicateProps);
      stages.push(transformationStage(transformClass, transformation, predicate, negate?.trim().toLowerCase() === 'true'));
    } catch (error) {
      for (const stage of stages) stage.close();
      throw new ConnectError('INVALID_CONFIG', error instanceof Error ? `${error.name}: ${error.message}` : String(error), { cause: error });
    }
  }
  return stages;
}

function aliases(list: string | undefined): string[] {
  return (list ?? '').split(',').map((alias) => alias.trim()).filter((alias) => alias.length > 0);
}

function withPrefix(config: Props, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  return out;
}

function instantiate<T>(registry: PluginRegistry, classOrAlias: string | undefined, type: 'transformation' | 'predicate'): [string, T & Configurable] {
  const descriptor = classOrAlias === undefined ? undefined : registry.findOfType(classOrAlias.trim(), type);
  if (!descriptor) throw new ConnectError('INVALID_CONFIG', `Class ${classOrAlias ?? 'null'} could not be found as a ${type}`);
  return [descriptor.className, descriptor.create() as T & Configurable];
}
