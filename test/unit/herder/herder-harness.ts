/**
 * A herder over the real in-memory stores and the real plugin registry, for unit tests. Failure
 * cases register a tiny test-only connector in a fresh registry next to the built-in ones.
 */
import { createHerder } from '#lib/herder/herder';
import type { HerderDeps, HerderSettings } from '#lib/herder/deps';
import type { Herder } from '#lib/herder/types';
import type { Logger } from '#lib/logging/logger';
import { ConfigDef } from '#lib/plugin/config-def';
import { createConnectorPlugins } from '#lib/plugin/connector-plugins';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import type { Connector, ConnectorDescriptor } from '#lib/plugin/types';
import { createMemoryStores } from '#lib/store/memory/index';
import type { StatusRecord, Stores } from '#lib/store/types';

export const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
export const SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
export const TEST_SINK = 'com.example.TestSinkConnector';
export const TEST_SOURCE = 'com.example.TestSourceConnector';
export const WORKER_ID = 'worker-1:8083';
export const NOW = new Date('2024-05-01T12:00:00.000Z');

/** What the test connectors do; tests change it between calls. */
export interface TestBehaviour {
  /** Thrown by start() when set. */
  startError?: Error;
  /** How many task configs taskConfigs(maxTasks) returns (default maxTasks). */
  taskCount?: (maxTasks: number) => number;
}

export interface TestHerder {
  herder: Herder;
  stores: Stores;
  deps: HerderDeps;
  /** Controls the test-only connectors TEST_SINK and TEST_SOURCE. */
  behaviour: TestBehaviour;
}

export const silentLog: Logger = { name: 'test', trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export function createTestHerder(settings: Partial<HerderSettings> = {}): TestHerder {
  const behaviour: TestBehaviour = {};
  const registry: PluginRegistry = createDefaultRegistry().register(testConnector(TEST_SINK, 'sink', behaviour), testConnector(TEST_SOURCE, 'source', behaviour));
  const stores = createMemoryStores();
  const deps: HerderDeps = {
    stores,
    plugins: createConnectorPlugins(registry),
    settings: { workerId: WORKER_ID, topicTrackingEnabled: true, topicTrackingAllowReset: true, ...settings },
    serverInfo: async () => ({ version: '3.9.0', commit: 'abc', kafka_cluster_id: 'cluster-1' }),
    log: silentLog,
    now: () => NOW,
  };
  return { herder: createHerder(deps), stores, deps, behaviour };
}

/** A connector without alterOffsets whose start and task count follow `behaviour`. */
export function testConnector(className: string, type: 'sink' | 'source', behaviour: TestBehaviour): ConnectorDescriptor {
  const create = (): Connector => {
    let props: Record<string, string> = {};
    return {
      version: () => '1.0',
      config: () => new ConfigDef(),
      start(p) {
        if (behaviour.startError) throw behaviour.startError;
        props = p;
      },
      taskClass: () => `${className}Task`,
      taskConfigs: (maxTasks) => Array.from({ length: behaviour.taskCount?.(maxTasks) ?? maxTasks }, (_, i) => ({ ...props, 'task.index': String(i) })),
      stop() {},
    };
  };
  return { className, type, version: '1.0', configDef: () => new ConfigDef(), create };
}

/** A FileStreamSink config reading topic t1. */
export function sinkConfig(extra: Record<string, string> = {}): Record<string, string> {
  return { 'connector.class': SINK, topics: 't1', 'tasks.max': '1', ...extra };
}

/** A FileStreamSource config reading /tmp/in.txt into topic t1. */
export function sourceConfig(extra: Record<string, string> = {}): Record<string, string> {
  return { 'connector.class': SOURCE, topic: 't1', file: '/tmp/in.txt', ...extra };
}

/** A status as a task runner writes it, for the connector's current incarnation unless given. */
export async function writeRunnerStatus(t: TestHerder, name: string, status: Partial<StatusRecord>): Promise<void> {
  const record = await t.stores.configs.get(name);
  await t.stores.statuses.put({
    connector: name,
    state: 'RUNNING',
    workerId: 'runner-1',
    incarnation: record?.incarnation ?? 'none',
    generation: record?.generation ?? 1,
    updatedAt: NOW.toISOString(),
    ...status,
  });
}

/** The stored connector record; fails the test if it is missing. */
export async function storedRecord(t: TestHerder, name: string) {
  const record = await t.stores.configs.get(name);
  if (!record) throw new Error(`connector ${name} is not stored`);
  return record;
}
