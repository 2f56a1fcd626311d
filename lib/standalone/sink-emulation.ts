/**
 * Standalone mode's sink side: the ESM emulator over the process's mapping registry, invoking the
 * real sink-task handler, plus a periodic reconcile of every connector's mappings (at start it
 * recreates the mappings of connectors restored from the data directory; later it heals drift and
 * picks up new topics matching a `topics.regex`).
 */
import { createLogger } from '#lib/logging/logger';
import { processSinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import { startEsmEmulator, type KafkaEventHandler } from './esm-emulator';

export interface SinkEmulation {
  stop(): Promise<void>;
}

const log = createLogger('lambda_connect.standalone.sinks');

export async function startStandaloneSinks(env: Record<string, string | undefined>): Promise<SinkEmulation> {
  const { currentApp, sinkRuntime } = await import('#lib/wiring');
  const app = await currentApp();
  const hooks = app.sinkHooks;
  if (hooks === undefined) return { stop: async () => undefined };
  const reconcileAll = async (): Promise<void> => {
    for (const name of await app.herder.listConnectors()) await hooks.reconcile(name).catch((error: unknown) => log.warn(`Reconciling the mappings of ${name} failed`, { error }));
  };
  await reconcileAll();
  const timer = setInterval(() => void reconcileAll(), app.settings.source.dispatchIntervalMs);
  timer.unref();
  const module: { handler?: unknown } = await import('#functions/sink-task');
  const emulator = startEsmEmulator({
    mappings: processSinkMappings(),
    // TLS and SASL as the app's own clients connect (lib/kafka/auth).
    connection: { ...app.kafkaConnection, brokers: (env.KAFKA_BROKERS ?? '').split(',').filter(Boolean), clientId: 'lambda-connect-esm' },
    handler: module.handler as KafkaEventHandler,
    region: app.settings.region,
  });
  return {
    async stop() {
      clearInterval(timer);
      const t0 = Date.now();
      await emulator.stop();
      const t1 = Date.now();
      await (await sinkRuntime()).close();
      await hooks.close();
      log.debug('Sink emulation stopped', { emulatorMs: t1 - t0, tasksAndAdminMs: Date.now() - t1 });
    },
  };
}
