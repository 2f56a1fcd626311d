/**
 * A hand-written Herder for REST unit tests: every method is a vi.fn with a plausible default
 * answer (one running sink connector "s1" exists), so tests can assert the arguments the REST layer
 * passed and override a method's answer or failure per test.
 */
import { vi, type Mock } from 'vitest';
import { NotFoundError } from '#lib/errors';
import type { ConnectorInfo, ConnectorStateInfo, Herder } from '#lib/herder/types';

export type FakeHerder = { [K in keyof Herder]: Mock<Herder[K]> };

export const S1_CONFIG = { 'connector.class': 'FileStreamSink', topics: 't1', 'tasks.max': '1', name: 's1' };

export function info(name: string, config: Record<string, string | null> = S1_CONFIG): ConnectorInfo {
  const clean = Object.fromEntries(Object.entries(config).filter((e): e is [string, string] => e[1] !== null));
  return { name, config: clean, tasks: [{ connector: name, task: 0 }], type: 'sink' };
}

export function status(name: string): ConnectorStateInfo {
  return {
    name,
    connector: { state: 'RUNNING', worker_id: 'lambda:8083' },
    tasks: [{ id: 0, state: 'RUNNING', worker_id: 'lambda:8083' }],
    type: 'sink',
  };
}

function known(name: string): void {
  if (name !== 's1') throw new NotFoundError(`Connector ${name} not found`);
}

export function fakeHerder(): FakeHerder {
  return {
    serverInfo: vi.fn(async () => ({ version: '3.9.0', commit: 'abc', kafka_cluster_id: 'cluster-1' })),
    listConnectors: vi.fn(async () => ['s1']),
    expandConnectors: vi.fn(async ({ status: withStatus, info: withInfo }) => ({
      s1: { ...(withStatus ? { status: status('s1') } : {}), ...(withInfo ? { info: info('s1') } : {}) },
    })),
    createConnector: vi.fn(async (name, config) => info(name, config)),
    putConnectorConfig: vi.fn(async (name, config) => ({ created: name !== 's1', info: info(name, config) })),
    patchConnectorConfig: vi.fn(async (name, patch) => {
      known(name);
      return info(name, { ...S1_CONFIG, ...patch });
    }),
    connectorInfo: vi.fn(async (name) => {
      known(name);
      return info(name);
    }),
    connectorConfig: vi.fn(async (name) => {
      known(name);
      return S1_CONFIG;
    }),
    connectorStatus: vi.fn(async (name) => {
      if (name !== 's1') throw new NotFoundError(`No status found for connector ${name}`);
      return status(name);
    }),
    taskStatus: vi.fn(async (name, task) => {
      if (name !== 's1' || task !== 0) throw new NotFoundError(`No status found for task ${name}-${task}`);
      return { id: 0, state: 'RUNNING', worker_id: 'lambda:8083' };
    }),
    taskConfigs: vi.fn(async (name) => {
      known(name);
      return [{ id: { connector: name, task: 0 }, config: { 'task.class': 'FileStreamSinkTask', topics: 't1' } }];
    }),
    deleteConnector: vi.fn(async (name) => known(name)),
    pauseConnector: vi.fn(async (name) => {
      if (name !== 's1') throw new NotFoundError(`Unknown connector ${name}`);
    }),
    resumeConnector: vi.fn(async (name) => {
      if (name !== 's1') throw new NotFoundError(`Unknown connector ${name}`);
    }),
    stopConnector: vi.fn(async (name) => {
      if (name !== 's1') throw new NotFoundError(`Unknown connector ${name}`);
    }),
    restartConnector: vi.fn(async (name, options) => {
      if (name !== 's1') throw new NotFoundError(`Unknown connector: ${name}`);
      if (!options.includeTasks && !options.onlyFailed) return undefined;
      const plan = status(name);
      return { ...plan, connector: { ...plan.connector, state: 'RESTARTING' } };
    }),
    restartTask: vi.fn(async (name, task) => {
      if (name !== 's1') throw new NotFoundError(`Unknown connector: ${name}`);
      if (task !== 0) throw new NotFoundError(`Unknown task: ${name}-${task}`);
    }),
    connectorTopics: vi.fn(async (name) => (name === 's1' ? ['t1'] : [])),
    resetConnectorTopics: vi.fn(async () => undefined),
    getOffsets: vi.fn(async (name) => {
      known(name);
      return { offsets: [{ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: { kafka_offset: 5 } }] };
    }),
    alterOffsets: vi.fn(async (name) => {
      known(name);
      return 'The offsets for this connector have been altered successfully';
    }),
    resetOffsets: vi.fn(async (name) => {
      known(name);
      return 'The offsets for this connector have been reset successfully';
    }),
    connectorPlugins: vi.fn(async (connectorsOnly) => [
      { class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'sink' as const, version: '3.9.0' },
      ...(connectorsOnly ? [] : [{ class: 'org.apache.kafka.connect.transforms.Filter', type: 'transformation' as const }]),
    ]),
    pluginConfig: vi.fn(async (plugin) => {
      if (plugin === 'NoSuchPlugin') throw new NotFoundError(`Unknown plugin ${plugin}.`);
      return [];
    }),
    validateConfig: vi.fn(async (plugin) => ({ name: plugin, error_count: 0, groups: ['Common'], configs: [] })),
    loggers: vi.fn(async () => ({ root: { level: 'INFO', last_modified: null } })),
    logger: vi.fn(async (name) => {
      if (name === 'no.such.logger') throw new NotFoundError(`Logger ${name} not found.`);
      return { level: 'INFO', last_modified: null };
    }),
    setLoggerLevel: vi.fn(async (name) => [name, `${name}.child`]),
  };
}
