/**
 * The composition root: reads the environment once per process (cold start), builds the clients,
 * stores, plugin registry, herder, REST API and source runtime once, and hands them to the Lambda
 * adapters (and to standalone mode).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { settingsFromEnv, type Settings } from '#lib/config/worker-settings';
import { createAwsConfigProviders } from '#lib/config-providers/aws-config-providers';
import type { ConfigResolver } from '#lib/config-providers/types';
import { InternalError } from '#lib/errors';
import type { HerderDeps } from '#lib/herder/deps';
import { createHerder } from '#lib/herder/herder';
import type { Herder, ServerInfo } from '#lib/herder/types';
import { awsKafkaSecurity, awsKafkaSecurityWithoutSecrets } from '#lib/kafka/auth/aws-kafka-security';
import type { KafkaSecurity } from '#lib/kafka/auth/kafka-security';
import { createKafkaAdmin } from '#lib/kafka/kafkajs-admin';
import { createKafkaCluster } from '#lib/kafka/kafkajs-cluster';
import { createKafkaProducer } from '#lib/kafka/kafkajs-producer';
import type { ProducerPort } from '#lib/kafka/producer-port';
import { createTopicCreation } from '#lib/kafka/topic-creation';
import type { KafkaClusterPort, KafkaConnection } from '#lib/kafka/types';
import { createLogger } from '#lib/logging/logger';
import { createEmfMetrics } from '#lib/metrics/emf-metrics';
import type { MetricsPort } from '#lib/metrics/metrics-port';
import { createConnectorPlugins } from '#lib/plugin/connector-plugins';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { createRestApi } from '#lib/rest/rest-api';
import type { RestApi } from '#lib/rest/types';
import { createInProcessSourceRuntime, type InProcessSourceRuntime } from '#lib/runtime/source/in-process-runtime';
import { createLambdaTaskInvoker } from '#lib/runtime/source/lambda-task-invoker';
import { createSourceRuntime, type SourceRuntime } from '#lib/runtime/source/source-runtime';
import type { TaskInvoker } from '#lib/runtime/source/task-invoker';
import type { SourceWindowDeps, TopicCreatorFactory } from '#lib/runtime/source/types';
import { createSinkRuntime, type SinkRuntime } from '#lib/runtime/sink/sink-runtime';
import type { SinkMappingControl, SinkRuntimeDeps } from '#lib/runtime/sink/types';
import { createLambdaSinkMappings } from '#lib/runtime/sink/mappings/lambda-sink-mappings';
import type { SinkMappingPort } from '#lib/runtime/sink/mappings/mapping-port';
import { processSinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import { createSinkConnectorHooks, type SinkConnectorHooks } from '#lib/runtime/sink/mappings/sink-connector-hooks';
import { createLocalRestartExecutions, type LocalRestartExecutions } from '#lib/runtime/restart/local-restart-executions';
import type { RestartExecutions } from '#lib/runtime/restart/restart-executions';
import { createRestartLauncher } from '#lib/runtime/restart/restart-launcher';
import type { RestartStepDeps } from '#lib/runtime/restart/restart-steps';
import { runRestartStep } from '#lib/runtime/restart/run-restart-step';
import { createSfnRestartExecutions } from '#lib/runtime/restart/sfn-restart-executions';
import { createTaskRecovery, type TaskRecovery } from '#lib/runtime/restart/task-recovery';
import { createWorkEnabler, type SinkReconciler, type SourceTaskStarter } from '#lib/runtime/restart/work-enabler';
import { runTick, type TickSummary } from '#lib/runtime/tick';
import { createDynamoDbStores } from '#lib/store/dynamodb/index';
import type { RunnerStores } from '#lib/store/types';

export interface App {
  settings: Settings;
  /** How every Kafka client of this app connects: brokers, TLS, SASL (lib/kafka/auth). */
  kafkaConnection: KafkaConnection;
  stores: RunnerStores;
  registry: PluginRegistry;
  herder: Herder;
  rest: RestApi;
  /** Reconciles sink connectors' event source mappings; absent when no mappings are managed. */
  sinkHooks?: SinkConnectorHooks;
  /** What the herder runs on; the restart steps run on it too. */
  herderDeps: HerderDeps;
  /** The in-process restart state machine (`LAMBDA_CONNECT_RESTARTS=local`). */
  localRestarts?: LocalRestartExecutions;
  /** Automatic recovery of tasks that failed with a retriable error (when restarts run as executions);
   *  task runners hand their failures to it after writing FAILED. */
  recovery?: TaskRecovery;
  close(): Promise<void>;
}

export interface AppOverrides {
  stores?: RunnerStores;
  /** Resolves `${provider:path:key}` references in connectors and tasks; default: the worker's providers over AWS. */
  configResolver?: ConfigResolver;
  kafka?: KafkaClusterPort;
  /** TLS and SASL resolved ahead (SCRAM and mTLS read a secret); default: what needs no secret (none, MSK IAM). */
  kafkaSecurity?: KafkaSecurity;
  registry?: PluginRegistry;
  /** The event source mappings (standalone: in memory, run by the ESM emulator); default: Lambda's, when SINK_TASK_FUNCTION is set. */
  sinkMappings?: SinkMappingPort;
  /** Starts restarted source tasks at once in local restarts (default: standalone mode's in-process runtime). */
  restartSources?: SourceTaskStarter;
}

export function createApp(settings: Settings, overrides: AppOverrides = {}): App {
  const stores = overrides.stores ?? createDynamoDbStores({ client: dynamoDbClient(settings), tableName: settings.tableName });
  const connection = kafkaConnection(settings, overrides.kafkaSecurity ?? awsKafkaSecurityWithoutSecrets(settings.kafkaAuth, settings.region));
  const kafka = overrides.kafka ?? (settings.kafkaBrokers.length > 0 ? createKafkaCluster(connection) : undefined);
  const registry = overrides.registry ?? createDefaultRegistry();
  const sinkHooks = sinkHooksFor(settings, connection, stores, registry, overrides.sinkMappings);
  const deps: HerderDeps = {
    stores,
    plugins: createConnectorPlugins(registry),
    settings: { workerId: settings.workerId, topicTrackingEnabled: settings.topicTrackingEnabled, topicTrackingAllowReset: settings.topicTrackingAllowReset },
    serverInfo: serverInfo(settings, kafka),
    log: createLogger('lambda_connect.herder'),
    configResolver: overrides.configResolver ?? createAwsConfigProviders({ region: settings.region, ...settings.configProviders }),
    ...(sinkHooks ? { hooks: sinkHooks } : {}),
  };
  const localRestarts = settings.restarts.executor === 'local'
    ? createLocalRestartExecutions({ steps: restartStepsOver(deps, registry, overrides.restartSources ?? standaloneSourceStarter, sinkHooks), log: createLogger('lambda_connect.restarts') })
    : undefined;
  const executions = localRestarts ?? sfnExecutions(settings);
  const poll = { waitSeconds: settings.restarts.pollWaitSeconds, maxPolls: settings.restarts.maxPolls };
  if (executions) deps.restarts = createRestartLauncher({ executions, statuses: stores.statuses, poll, log: createLogger('lambda_connect.restarts') });
  const recovery = executions ? createTaskRecovery({ stores, executions, poll, log: createLogger('lambda_connect.restarts') }) : undefined;
  const herder = createHerder(deps);
  const rest = createRestApi({ herder, settings: settings.rest, log: createLogger('lambda_connect.rest') });
  const close = async (): Promise<void> => {
    await localRestarts?.close();
    await kafka?.close();
  };
  return { settings, kafkaConnection: connection, stores, registry, herder, rest, ...(sinkHooks ? { sinkHooks } : {}), herderDeps: deps, ...(localRestarts ? { localRestarts } : {}), ...(recovery ? { recovery } : {}), close };
}

/** The restart steps over the herder's dependencies; restarted source tasks start through `sources`,
 *  restarted sink connectors get their event source mappings reconciled (enabled) through `sinks`. */
function restartStepsOver(deps: HerderDeps, registry: PluginRegistry, sources: SourceTaskStarter | undefined, sinks: SinkReconciler | undefined): RestartStepDeps {
  const work = createWorkEnabler({ registry, ...(sources ? { sources } : {}), ...(sinks ? { sinks } : {}), log: createLogger('lambda_connect.restarts') });
  return { herder: deps, work };
}

function sfnExecutions(settings: Settings): RestartExecutions | undefined {
  const arn = settings.restarts.stateMachineArn;
  if (settings.restarts.executor !== 'stepfunctions' || arn === undefined) return undefined;
  return createSfnRestartExecutions({ client: new SFNClient({ region: settings.region }), stateMachineArn: arn });
}

/** Standalone mode: the in-process source runtime, once it runs, starts restarted tasks at once. */
let standaloneSources: SourceTaskStarter | undefined;
const standaloneSourceStarter: SourceTaskStarter = {
  invokeSourceTask: async (invocation) => standaloneSources?.invokeSourceTask(invocation),
};

let restartSteps: Promise<(event: unknown) => Promise<unknown>> | undefined;

/** The restart-step function's entry: one Task state of the restart state machine. */
export function restartStepHandler(): Promise<(event: unknown) => Promise<unknown>> {
  restartSteps ??= currentApp()
    .then((current) => {
      const steps = restartStepsOver(current.herderDeps, current.registry, lambdaInvoker(current.settings), current.sinkHooks);
      return (event: unknown) => runRestartStep(steps, event);
    })
    .catch((err: unknown) => {
      restartSteps = undefined;
      throw err;
    });
  return restartSteps;
}

let app: Promise<App> | undefined;

/** The process-wide app built from the environment; what the Lambda adapters call. */
export function currentApp(): Promise<App> {
  // A failed cold start must not poison the instance: the next request tries again.
  app ??= Promise.resolve()
    .then(async () => {
      const settings = settingsFromEnv();
      return createApp(settings, { kafkaSecurity: await awsKafkaSecurity(settings.kafkaAuth, settings.region) });
    })
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

/** What a source runtime may take from outside instead of building it (tests, standalone mode). */
export type SourceOverrides = Partial<Pick<SourceWindowDeps, 'producer' | 'topicCreation' | 'clock' | 'hooks' | 'log' | 'metrics'>>;

export interface SourceParts {
  deps: SourceWindowDeps;
  /** Closes the Kafka clients built here (not overridden ones). */
  close(): Promise<void>;
}

/** The source windows' dependencies over the app's stores and registry. */
export function sourceParts(app: App, overrides: SourceOverrides = {}): SourceParts {
  const { settings } = app;
  const connection = app.kafkaConnection;
  const { producer, closeProducer } = producerFor(connection, overrides.producer);
  const admin = overrides.topicCreation ? undefined : createKafkaAdmin(connection);
  const deps: SourceWindowDeps = {
    stores: app.stores,
    registry: app.registry,
    producer,
    topicCreation: overrides.topicCreation ?? topicCreation(settings, admin),
    ...(app.herderDeps.configResolver ? { configResolver: app.herderDeps.configResolver } : {}),
    settings: {
      offsetFlushIntervalMs: settings.source.offsetFlushIntervalMs,
      leaseTtlMs: settings.source.leaseTtlMs,
      safetyMarginMs: settings.source.safetyMarginMs,
      topicTrackingEnabled: settings.topicTrackingEnabled,
      ...(Object.keys(settings.source.workerConverters).length > 0 ? { workerConverters: settings.source.workerConverters } : {}),
    },
    log: overrides.log ?? createLogger('lambda_connect.runtime.source'),
    ...(app.recovery ? { recovery: app.recovery } : {}),
    ...(overrides.clock ? { clock: overrides.clock } : {}),
    ...(overrides.hooks ? { hooks: overrides.hooks } : {}),
    ...withMetrics(overrides.metrics ?? metricsFor(settings)),
  };
  return {
    deps,
    async close() {
      await closeProducer();
      await admin?.close();
    },
  };
}

let source: Promise<SourceRuntime> | undefined;

/** The source runtime of the Lambda functions: windows start each other through Lambda's async Invoke. */
export function sourceRuntime(): Promise<SourceRuntime> {
  source ??= currentApp()
    .then((current) => createSourceRuntime({ ...sourceParts(current).deps, invoker: lambdaInvoker(current.settings) }))
    .catch((err: unknown) => {
      source = undefined;
      throw err;
    });
  return source;
}

/** The dispatcher function's tick: source dispatch and the periodic reconcile of the sink mappings. */
export async function schedulerTick(): Promise<TickSummary> {
  const [current, runtime] = await Promise.all([currentApp(), sourceRuntime()]);
  const hooks = current.sinkHooks;
  return runTick({ dispatchSources: () => runtime.dispatch(), ...(hooks ? { reconcileSinks: () => hooks.reconcileAll() } : {}), log: createLogger('lambda_connect.tick') });
}

/** Standalone mode's source runtime: the same windows, run in this process, over the given environment. */
export function standaloneSourceRuntime(env: Record<string, string | undefined>, overrides: SourceOverrides = {}): InProcessSourceRuntime & { app: App } {
  const standalone = createApp(settingsFromEnv(env));
  const parts = sourceParts(standalone, overrides);
  const inProcess = createInProcessSourceRuntime(parts.deps, { workerId: standalone.settings.workerId });
  standaloneSources = inProcess.invoker;
  return {
    ...inProcess,
    app: standalone,
    async close() {
      if (standaloneSources === inProcess.invoker) standaloneSources = undefined;
      await inProcess.close();
      await parts.close();
      await standalone.close();
    },
  };
}

/** How the runtime reaches Kafka: KAFKA_BROKERS with the security of KAFKA_AUTH; every client is built from it. */
function kafkaConnection(settings: Settings, security: KafkaSecurity): KafkaConnection {
  return { brokers: settings.kafkaBrokers, clientId: 'lambda-connect', ...(security.tls || security.sasl ? { security } : {}) };
}

function producerFor(connection: KafkaConnection, given: ProducerPort | undefined): { producer: ProducerPort; closeProducer: () => Promise<void> } {
  if (given) return { producer: given, closeProducer: async () => undefined };
  const producer = createKafkaProducer({ connection });
  return { producer, closeProducer: () => producer.close() };
}

function topicCreation(settings: Settings, admin: ReturnType<typeof createKafkaAdmin> | undefined): TopicCreatorFactory | undefined {
  if (admin === undefined) return undefined;
  return (connectorConfig) => {
    const creation = createTopicCreation({ admin, connectorConfig, topicCreationEnable: settings.source.topicCreationEnabled });
    return { ensureTopics: async (topics) => void (await creation.ensureTopicsForRecords(topics)) };
  };
}

function lambdaInvoker(settings: Settings): TaskInvoker {
  const functionName = settings.source.taskFunctionName;
  if (functionName === undefined) {
    return { invokeSourceTask: async () => Promise.reject(new InternalError('SOURCE_TASK_FUNCTION is not set: no function to run source tasks')) };
  }
  const client = new LambdaClient({ region: settings.region, ...(settings.source.lambdaEndpoint ? { endpoint: settings.source.lambdaEndpoint } : {}) });
  return createLambdaTaskInvoker({ client, functionName });
}

/** What a sink runtime may take from outside instead of building it (tests, standalone mode). */
export type SinkOverrides = Partial<Pick<SinkRuntimeDeps, 'producer' | 'mappings' | 'clock' | 'log'>>;

export interface SinkParts {
  deps: SinkRuntimeDeps;
  /** Closes the Kafka clients built here (not overridden ones). */
  close(): Promise<void>;
}

/** The sink batches' dependencies over the app's stores and registry (the producer serves the DLQ). */
export function sinkParts(app: App, overrides: SinkOverrides = {}): SinkParts {
  const { settings } = app;
  const { producer, closeProducer } = producerFor(app.kafkaConnection, overrides.producer);
  const hooks = app.sinkHooks;
  const mappings: SinkMappingControl | undefined = overrides.mappings ?? (hooks ? { disable: (name) => hooks.reconcile(name) } : undefined);
  const deps: SinkRuntimeDeps = {
    stores: app.stores,
    registry: app.registry,
    producer,
    settings: Object.keys(settings.source.workerConverters).length > 0 ? { workerConverters: settings.source.workerConverters } : {},
    log: overrides.log ?? createLogger('lambda_connect.runtime.sink'),
    ...(app.herderDeps.configResolver ? { configResolver: app.herderDeps.configResolver } : {}),
    ...(mappings ? { mappings } : {}),
    ...(app.recovery ? { recovery: app.recovery } : {}),
    ...(overrides.clock ? { clock: overrides.clock } : {}),
  };
  return { deps, close: closeProducer };
}

let sink: Promise<SinkRuntime> | undefined;

/** The sink runtime of the sink-task function: started tasks live as long as the container. */
export function sinkRuntime(): Promise<SinkRuntime> {
  sink ??= currentApp()
    .then((current) => createSinkRuntime(sinkParts(current).deps, withMetrics(metricsFor(current.settings))))
    .catch((err: unknown) => {
      sink = undefined;
      throw err;
    });
  return sink;
}

/** The task metrics the settings select: EMF lines on stdout (Lambda's log group turns them into metrics), or none. */
export function metricsFor(settings: Settings): MetricsPort | undefined {
  return settings.metrics.mode === 'emf' ? createEmfMetrics({ namespace: settings.metrics.namespace }) : undefined;
}

function withMetrics(metrics: MetricsPort | undefined): { metrics?: MetricsPort } {
  return metrics ? { metrics } : {};
}

/** The herder's sink hooks over the given mappings, or Lambda's when SINK_TASK_FUNCTION is set. */
function sinkHooksFor(settings: Settings, connection: KafkaConnection, stores: RunnerStores, registry: PluginRegistry, given: SinkMappingPort | undefined): SinkConnectorHooks | undefined {
  const functionName = settings.sink.taskFunctionName;
  const mappings =
    given ??
    (settings.sink.mappings === 'memory' ? processSinkMappings() : undefined) ??
    (functionName === undefined
      ? undefined
      : createLambdaSinkMappings({ client: new LambdaClient({ region: settings.region, ...(settings.source.lambdaEndpoint ? { endpoint: settings.source.lambdaEndpoint } : {}) }), functionName, source: settings.sink.eventSource }));
  if (mappings === undefined) return undefined;
  // The admin connects on first use: resolving topics.regex and moving group offsets (KIP-875).
  const admin = settings.kafkaBrokers.length > 0 ? createKafkaAdmin(connection) : undefined;
  return createSinkConnectorHooks({ mappings, configs: stores.configs, statuses: stores.statuses, offsets: stores.offsets, registry, log: createLogger('lambda_connect.runtime.sink.mappings'), ...(admin ? { admin } : {}), ...(functionName ? { taskFunction: functionName } : {}) });
}
