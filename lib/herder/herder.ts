/**
 * The herder: Kafka Connect's connector lifecycle over our stores. Stateless between calls, so any
 * number of API function instances can serve requests at once; the stores' conditional writes
 * arbitrate races.
 */
import type { LogLevel } from '#lib/logging/levels';
import { connectorInfo, taskInfos } from './connector-info';
import { createConnector, deleteConnector, patchConnectorConfig, putConnectorConfig } from './connector-writes';
import type { HerderDeps } from './deps';
import { allLoggers, loggerLevel, setLoggerLevel } from './loggers';
import { messages } from './messages';
import { alterOffsets, getOffsets, resetOffsets } from './offsets';
import { validateConfig } from './plugin-operations';
import { restartConnector, restartTask } from './restart';
import { connectorStatus, stateInfo, taskStatus } from './status-view';
import { pauseConnector, resumeConnector, stopConnector } from './target-state';
import { connectorTopics, resetConnectorTopics } from './topics';
import type { ConnectorInfo, ConnectorStateInfo, Herder } from './types';
import { NotFoundError } from '#lib/errors';

export function createHerder(deps: HerderDeps): Herder {
  const record = async (name: string) => {
    const found = await deps.stores.configs.get(name);
    if (!found) throw new NotFoundError(messages.connectorNotFound(name));
    return found;
  };
  // Every change runs the afterChange hook once it is stored (a failed change runs none).
  const changed = async <T>(name: string, change: Promise<T>): Promise<T> => {
    const result = await change;
    const hook = deps.hooks?.afterChange;
    if (hook) await hook(name).catch((error: unknown) => deps.log.warn(`Reconciling ${name} after a change failed; the next reconcile retries`, { error }));
    return result;
  };
  return {
    serverInfo: () => deps.serverInfo(),
    listConnectors: async () => (await deps.stores.configs.list()).map((c) => c.name),
    async expandConnectors(expand) {
      const result: Record<string, { status?: ConnectorStateInfo; info?: ConnectorInfo | null }> = {};
      for (const connector of await deps.stores.configs.list()) {
        const entry: { status?: ConnectorStateInfo; info?: ConnectorInfo | null } = {};
        if (expand.status) {
          const status = await stateInfo(deps, connector);
          // Kafka omits a connector whose status has not been written yet.
          if (!status) continue;
          entry.status = status;
        }
        if (expand.info) entry.info = connectorInfo(deps, connector);
        result[connector.name] = entry;
      }
      return result;
    },
    createConnector: (name, config, initial) => changed(name, createConnector(deps, name, config, initial)),
    putConnectorConfig: (name, config) => changed(name, putConnectorConfig(deps, name, config)),
    patchConnectorConfig: (name, patch) => changed(name, patchConnectorConfig(deps, name, patch)),
    connectorInfo: async (name) => connectorInfo(deps, await record(name)),
    connectorConfig: async (name) => (await record(name)).config,
    connectorStatus: (name) => connectorStatus(deps, name),
    taskStatus: (name, taskId) => taskStatus(deps, name, taskId),
    taskConfigs: async (name) => taskInfos(await record(name)),
    deleteConnector: (name) => changed(name, deleteConnector(deps, name)),
    pauseConnector: (name) => changed(name, pauseConnector(deps, name)),
    resumeConnector: (name) => changed(name, resumeConnector(deps, name)),
    stopConnector: (name) => changed(name, stopConnector(deps, name)),
    restartConnector: (name, options) => changed(name, restartConnector(deps, name, options)),
    restartTask: (name, taskId) => changed(name, restartTask(deps, name, taskId)),
    connectorTopics: (name) => connectorTopics(deps, name),
    resetConnectorTopics: (name) => resetConnectorTopics(deps, name),
    getOffsets: (name) => getOffsets(deps, name),
    alterOffsets: (name, offsets) => alterOffsets(deps, name, offsets),
    resetOffsets: (name) => resetOffsets(deps, name),
    connectorPlugins: async (connectorsOnly) => deps.plugins.list(connectorsOnly),
    pluginConfig: async (plugin) => deps.plugins.pluginConfig(plugin),
    validateConfig: (plugin, config) => validateConfig(deps, plugin, config),
    loggers: () => allLoggers(deps),
    logger: (name) => loggerLevel(deps, name),
    setLoggerLevel: (name, level) => setLoggerLevel(deps, name, level as LogLevel),
  };
}
