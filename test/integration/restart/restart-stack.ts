/**
 * Restarts on the real stand-ins: dynalite, the mock-cluster broker, the composition root with
 * `LAMBDA_CONNECT_RESTARTS=local` (the restart state machine run by aws-local-stepfunctions) and the
 * in-process source runtime that starts restarted tasks at once, as in standalone mode.
 */
import { afterAll, beforeAll } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { createInProcessSourceRuntime, type InProcessSourceRuntime } from '#lib/runtime/source/in-process-runtime';
import type { SourceTaskStarter } from '#lib/runtime/restart/work-enabler';
import { startEmbeddedKafka, type EmbeddedKafka } from '#lib/standalone/embedded-kafka';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import type { RunnerStores } from '#lib/store/types';
import { createApp, sourceParts, type App } from '#lib/wiring';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';
import { runtimeTestRegistry } from '#test/unit/runtime/source/fixtures/registry';
import { quietLog } from '#test/integration/source/source-stack';

export interface RestartTestEnv {
  app: App;
  stores: RunnerStores;
  sources: InProcessSourceRuntime;
  rest(method: string, path: string, options?: { body?: unknown; query?: string }): Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Waits until no restart execution and no source window runs any more. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function useRestartStack(): { fresh(): Promise<RestartTestEnv>; brokers(): string[] } {
  let dynalite: DynaliteInstance | undefined;
  let kafka: EmbeddedKafka | undefined;
  let tables = 0;
  beforeAll(async () => {
    [dynalite, kafka] = await Promise.all([startDynalite(), startEmbeddedKafka()]);
  });
  afterAll(async () => {
    await Promise.all([dynalite?.stop(), kafka?.stop()]);
  });
  const brokers = (): string[] => kafka?.bootstrapServers ?? [];
  return {
    brokers,
    async fresh() {
      if (dynalite === undefined) throw new Error('The stack has not started');
      const tableName = `restart-${++tables}`;
      await ensureTable(dynalite.client, tableName);
      const stores = createDynamoDbStores({ client: dynalite.client, tableName });
      const settings = settingsFromEnv({
        KAFKA_BROKERS: brokers().join(','),
        CONNECT_OFFSET_FLUSH_INTERVAL_MS: '0',
        CONNECT_REST_ADVERTISED_HOST_NAME: 'itest',
        LAMBDA_CONNECT_RESTARTS: 'local',
        LAMBDA_CONNECT_RESTART_POLL_SECONDS: '1',
        LAMBDA_CONNECT_RESTART_MAX_POLLS: '20',
      });
      const late: { sources?: InProcessSourceRuntime } = {};
      const starter: SourceTaskStarter = { invokeSourceTask: async (invocation) => late.sources?.invoker.invokeSourceTask(invocation) };
      const app = createApp(settings, { stores, registry: runtimeTestRegistry(), restartSources: starter });
      const parts = sourceParts(app, { log: quietLog });
      const sources = createInProcessSourceRuntime(parts.deps, { workerId: 'itest:8083' });
      late.sources = sources;
      return {
        app,
        stores,
        sources,
        async rest(method, path, options = {}) {
          const response = await app.rest.handle({
            method,
            path,
            rawQuery: options.query ?? '',
            headers: { 'content-type': 'application/json' },
            ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
          });
          return { status: response.statusCode, json: response.body ? JSON.parse(response.body) : undefined };
        },
        async settled() {
          await app.localRestarts?.settled();
          await sources.invoker.idle();
        },
        async close() {
          await sources.close();
          await parts.close();
          await app.close();
        },
      };
    },
  };
}
