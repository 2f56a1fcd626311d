/**
 * Standalone mode's lifecycle: embedded DynamoDB → Kafka → REST server → environment → the Lambda
 * handler → the connector files → the source task scheduler. Stopping (or failing half-way) undoes
 * the started steps in reverse, so running source windows finish their batch before Kafka goes.
 *
 * The server binds before the handler is imported so that the environment can carry the real port
 * (`--port 0`); the URL is only announced once the handler is loaded.
 */
import type { ConnectorConfigFile } from './config-files';
import { loadConnectApiHandler } from './connect-api-handler';
import { startEmbeddedDynamoDb } from './embedded-dynamodb';
import { startHttpServer, type HttpApiHandler } from './http-server';
import { connectKafka, type KafkaSource } from './kafka-connection';
import { startStandaloneSources, type SourceScheduler } from './source-scheduler';
import { startStandaloneSinks, type SinkEmulation } from './sink-emulation';
import { applyEnv, standaloneEnv } from './standalone-env';
import { submitConnectorConfigs, type SubmittedConnector } from './submit-connectors';

export interface StandaloneOptions {
  host: string;
  port: number;
  dataDir: string;
  worker: Record<string, string>;
  connectors: ConnectorConfigFile[];
  /** The environment the handler reads; process.env unless a test says otherwise. */
  env?: Record<string, string | undefined>;
  loadHandler?: () => Promise<HttpApiHandler>;
  /** Starts the source task scheduler once the connectors are submitted. Default: the real one with
   *  the real REST handler; none with a `loadHandler` stand-in, whose connectors are never stored. */
  startSources?: (env: Record<string, string | undefined>) => Promise<SourceScheduler>;
  /** Starts the event source mapping emulator for sink connectors. Default: the real one, none with a `loadHandler` stand-in. */
  startSinks?: (env: Record<string, string | undefined>) => Promise<SinkEmulation>;
  onConnectorSubmitted?: (connector: SubmittedConnector) => void;
}

export interface RunningStandalone {
  url: string;
  host: string;
  port: number;
  dataDir: string;
  kafka: { bootstrapServers: string[]; source: KafkaSource };
  connectors: SubmittedConnector[];
  /** Stops the source tasks, then the server, then Kafka, then the store; safe to call more than once. */
  stop(): Promise<void>;
}

export async function startStandalone(options: StandaloneOptions): Promise<RunningStandalone> {
  const env = options.env ?? process.env;
  const tableName = env.LAMBDA_CONNECT_TABLE ?? 'lambda-connect';
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const store = await startEmbeddedDynamoDb({ dataDir: options.dataDir, tableName });
    stops.push(store.stop);
    const kafka = await connectKafka(env, options.worker);
    stops.push(kafka.stop);
    const loaded: { handler?: Promise<HttpApiHandler> } = {};
    const server = await startHttpServer({
      host: options.host,
      port: options.port,
      region: env.AWS_REGION ?? 'local',
      handler: async (event, context) => {
        if (loaded.handler === undefined) throw new Error('The REST API handler is not loaded yet');
        return (await loaded.handler)(event, context);
      },
    });
    stops.push(server.close);
    const vars = standaloneEnv(
      { dynamodbEndpoint: store.endpoint, tableName, kafkaBrokers: kafka.bootstrapServers, host: options.host, port: server.port, worker: options.worker },
      env,
    );
    applyEnv(vars, env);
    loaded.handler = (options.loadHandler ?? loadConnectApiHandler)();
    await loaded.handler;
    const connectors = await submitConnectorConfigs(server.url, options.connectors, options.onConnectorSubmitted);
    const startSources = options.startSources ?? (options.loadHandler ? noSources : startStandaloneSources);
    const sources = await startSources(env);
    stops.push(sources.stop);
    const sinks = await (options.startSinks ?? (options.loadHandler ? noSinks : startStandaloneSinks))(env);
    stops.push(sinks.stop);
    return {
      url: server.url,
      host: options.host,
      port: server.port,
      dataDir: options.dataDir,
      kafka: { bootstrapServers: kafka.bootstrapServers, source: kafka.source },
      connectors,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

async function noSinks(): Promise<SinkEmulation> {
  return { stop: async () => undefined };
}

async function noSources(): Promise<SourceScheduler> {
  return { stop: async () => undefined };
}
