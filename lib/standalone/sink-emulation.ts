/**
 * Standalone mode's sink side: the ESM emulator over the process's mapping registry, invoking the
 * real sink-task handler. At start it reconciles every connector's mappings (recreating those of
 * connectors restored from the data directory); the scheduler's tick reconciles them later (heals
 * drift, picks up new topics matching a `topics.regex`, deletes orphans).
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
  // Before the emulator starts: connectors restored from the data directory get their mappings. Later
  // reconciles run on the scheduler's tick (source-scheduler.ts), as on AWS.
  await hooks.reconcileAll();
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
      const t0 = Date.now();
      await emulator.stop();
      const t1 = Date.now();
      await (await sinkRuntime()).close();
      await hooks.close();
      log.debug('Sink emulation stopped', { emulatorMs: t1 - t0, tasksAndAdminMs: Date.now() - t1 });
    },
  };
}
