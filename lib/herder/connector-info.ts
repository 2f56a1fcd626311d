/** Builds Kafka's ConnectorInfo and TaskInfo entities from a stored connector. */
import type { ConnectorRecord } from '#lib/store/types';
import type { HerderDeps } from './deps';
import type { ConnectorInfo, TaskInfo } from './types';

export function connectorInfo(deps: HerderDeps, record: ConnectorRecord): ConnectorInfo {
  return {
    name: record.name,
    config: record.config,
    tasks: record.taskConfigs.map((_, task) => ({ connector: record.name, task })),
    type: deps.plugins.connectorType(record.config['connector.class'] ?? ''),
  };
}

export function taskInfos(record: ConnectorRecord): TaskInfo[] {
  return record.taskConfigs.map((config, task) => ({ id: { connector: record.name, task }, config }));
}
