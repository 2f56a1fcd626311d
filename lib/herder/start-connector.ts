/**
 * Starting a connector in lambda-connect means what a Kafka worker does when it (re)starts one:
 * instantiate it with its config and ask it for task configs. The instance is not kept: task
 * configs are stored with the connector, and task runners start tasks from them.
 * The instance gets the config with its `${...}` references resolved (KIP-297); the task configs it
 * returns are stored with those references restored, so no resolved secret is stored or served.
 */
import { reverseTransform } from '#lib/config-providers/reverse-transform';
import type { HerderDeps } from './deps';

export interface StartOutcome {
  taskConfigs: Record<string, string>[];
  /** Set when the connector failed to start; its status is then FAILED with this trace. */
  failure?: Error;
}

export async function startConnector(deps: HerderDeps, config: Record<string, string>): Promise<StartOutcome> {
  try {
    return { taskConfigs: reverseTransform(config, await deps.plugins.generateTaskConfigs(await resolvedConfig(deps, config))) };
  } catch (err) {
    const failure = err instanceof Error ? err : new Error(String(err));
    deps.log.warn('Connector failed to start', { connector: config.name, error: failure });
    return { taskConfigs: [], failure };
  }
}

/** The config a connector instance is given: references resolved, as Kafka's
 *  `ClusterConfigState.connectorConfig` returns it. Throws what a provider throws. */
export async function resolvedConfig(deps: HerderDeps, config: Record<string, string>): Promise<Record<string, string>> {
  return deps.configResolver ? deps.configResolver.resolve(config) : config;
}

/** A stack trace in the form Kafka's status `trace` carries: the error line, then the frames. */
export function traceOf(err: Error): string {
  return err.stack ?? `${err.name}: ${err.message}`;
}
