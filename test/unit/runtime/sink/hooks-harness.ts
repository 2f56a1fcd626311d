/** A herder over memory stores whose sink hooks manage mappings in memory: the set-up the mapping tests share. */
import { createHerder } from '#lib/herder/herder';
import { createConnectorPlugins } from '#lib/plugin/connector-plugins';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { createMemorySinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import type { SinkMappingPort } from '#lib/runtime/sink/mappings/mapping-port';
import { createSinkConnectorHooks } from '#lib/runtime/sink/mappings/sink-connector-hooks';
import { createMemoryStores } from '#lib/store/memory/index';
import { silentLog } from '../source/harness';
import { recordingSinkDescriptor } from './fixtures/recording-sink';

export interface SinkHooksHarnessOptions {
  /** Wraps the memory mappings (e.g. to make Lambda fail); the memory port itself stays `memory`. */
  mappings?: (memory: ReturnType<typeof createMemorySinkMappings>) => SinkMappingPort;
  taskFunction?: string;
}

export function sinkHooksHarness(options: SinkHooksHarnessOptions = {}) {
  const stores = createMemoryStores();
  const registry = createDefaultRegistry().register(recordingSinkDescriptor);
  const memory = createMemorySinkMappings();
  const mappings = options.mappings?.(memory) ?? memory;
  const hooks = createSinkConnectorHooks({ mappings, configs: stores.configs, statuses: stores.statuses, registry, log: silentLog, ...(options.taskFunction ? { taskFunction: options.taskFunction } : {}) });
  const herder = createHerder({
    stores,
    plugins: createConnectorPlugins(registry),
    settings: { workerId: 'w', topicTrackingEnabled: true, topicTrackingAllowReset: true },
    serverInfo: async () => ({ version: '3.9.0', commit: 't', kafka_cluster_id: null }),
    log: silentLog,
    hooks,
  });
  return { stores, registry, memory, mappings, hooks, herder };
}
