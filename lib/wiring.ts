/**
 * The composition root: reads the environment once per process (cold start), builds the clients,
 * stores, plugin registry, herder and REST API once, and hands them to the Lambda adapters.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { settingsFromEnv, type Settings } from '#lib/config/worker-settings';
import type { HerderDeps } from '#lib/herder/deps';
import { createHerder } from '#lib/herder/herder';
import type { Herder, ServerInfo } from '#lib/herder/types';
import { createKafkaCluster } from '#lib/kafka/kafkajs-cluster';
import type { KafkaClusterPort } from '#lib/kafka/types';
import { createLogger } from '#lib/logging/logger';
import { createConnectorPlugins } from '#lib/plugin/connector-plugins';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { createRestApi } from '#lib/rest/rest-api';
import type { RestApi } from '#lib/rest/types';
import { createDynamoDbStores } from '#lib/store/dynamodb/index';
import type { Stores } from '#lib/store/types';

export interface App {
  settings: Settings;
  stores: Stores;
  registry: PluginRegistry;
  herder: Herder;
  rest: RestApi;
  close(): Promise<void>;
}

export interface AppOverrides {
  stores?: Stores;
  kafka?: KafkaClusterPort;
  registry?: PluginRegistry;
}

export function createApp(settings: Settings, overrides: AppOverrides = {}): App {
  const stores = overrides.stores ?? createDynamoDbStores({ client: dynamoDbClient(settings), tableName: settings.tableName });
  const kafka = overrides.kafka ?? (settings.kafkaBrokers.length > 0 ? createKafkaCluster({ brokers: settings.kafkaBrokers }) : undefined);
  const registry = overrides.registry ?? createDefaultRegistry();
  const deps: HerderDeps = {
    stores,
    plugins: createConnectorPlugins(registry),
    settings: { workerId: settings.workerId, topicTrackingEnabled: settings.topicTrackingEnabled, topicTrackingAllowReset: settings.topicTrackingAllowReset },
    serverInfo: serverInfo(settings, kafka),
    log: createLogger('lambda_connect.herder'),
  };
  const herder = createHerder(deps);
  const rest = createRestApi({ herder, settings: settings.rest, log: createLogger('lambda_connect.rest') });
  return { settings, stores, registry, herder, rest, close: async () => kafka?.close() };
}

let app: Promise<App> | undefined;

/** The process-wide app built from the environment; what the Lambda adapters call. */
export function currentApp(): Promise<App> {
  // A failed cold start must not poison the instance: the next request tries again.
  app ??= Promise.resolve()
    .then(() => createApp(settingsFromEnv()))
    .catch((err: unknown) => {
      app = undefined;
      throw err;
    });
  return app;
}

export async function restApi(): Promise<RestApi> {
  return (await currentApp()).rest;
}

function dynamoDbClient(settings: Settings): DynamoDBClient {
  return new DynamoDBClient({
    region: settings.region,
    ...(settings.dynamodbEndpoint ? { endpoint: settings.dynamodbEndpoint } : {}),
  });
}

function serverInfo(settings: Settings, kafka: KafkaClusterPort | undefined): () => Promise<ServerInfo> {
  const log = createLogger('lambda_connect.wiring');
  let clusterId = settings.kafkaClusterId ?? null;
  return async () => {
    if (clusterId === null && kafka) {
      clusterId = await kafka.clusterId().catch((err: unknown) => {
        log.warn('Kafka cluster id unavailable', { error: err });
        return null;
      });
    }
    return { version: BUNDLED_PLUGIN_VERSION, commit: settings.commit, kafka_cluster_id: clusterId };
  };
}
