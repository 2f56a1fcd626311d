/**
 * The worker settings a Kafka Connect user knows (`listeners`, `rest.advertised.*`,
 * `access.control.allow.*`, `topic.tracking.*`, `admin.listeners`), read from `CONNECT_*`
 * environment variables in the Confluent-image convention (`rest.advertised.host.name` →
 * `CONNECT_REST_ADVERTISED_HOST_NAME`), plus lambda-connect's own deployment settings.
 */
import { hostname } from 'node:os';
import { parseKafkaAuth, type KafkaAuthSettings } from '#lib/kafka/auth/kafka-auth-settings';
import type { KafkaEventSourceSettings } from '#lib/runtime/sink/mappings/kafka-event-source';

export interface Settings {
  tableName: string;
  dynamodbEndpoint?: string;
  region: string;
  kafkaBrokers: string[];
  kafkaClusterId?: string;
  /** `KAFKA_AUTH`, `KAFKA_SECRET_ARN`, `KAFKA_TLS`: how every Kafka client authenticates (docs/kafka.md). */
  kafkaAuth: KafkaAuthSettings;
  /** Reported as `commit` by `GET /`. */
  commit: string;
  rest: {
    allowOrigin: string;
    allowMethods: string;
    maxBodyBytes: number;
    advertisedUrl: string;
    adminEnabled: boolean;
  };
  workerId: string;
  topicTrackingEnabled: boolean;
  topicTrackingAllowReset: boolean;
  source: SourceSettings;
  /** Sink tasks and their event source mappings (docs/sink-tasks.md). */
  sink: SinkSettings;
  restarts: RestartSettings;
  /** Kafka's `config.providers` (`CONNECT_CONFIG_PROVIDERS`; unset: env,file,secretsmanager,ssm) and
   *  `config.providers.env.param.allowlist.pattern` (docs/config-providers.md). */
  configProviders?: { enabled?: string; envAllowlistPattern?: string };
  /** Task metrics as CloudWatch EMF on stdout (docs/operations.md). */
  metrics: MetricsSettings;
  /** The REST API's basic-auth users (docs/deploy.md): `LAMBDA_CONNECT_BASIC_AUTH_SECRET` names their
   *  secret, read again after `LAMBDA_CONNECT_BASIC_AUTH_CACHE_SECONDS` (default 60). */
  basicAuth?: { secretId: string; cacheTtlMs: number };
}

/** How restarts run (docs/restarts.md). */
export interface RestartSettings {
  /** `sync`: in the request, as before the state machine existed. `local`: the restart state machine run
   *  in this process (standalone mode, `LAMBDA_CONNECT_RESTARTS=local`). `stepfunctions`: executions of
   *  the deployed state machine (`RESTART_STATE_MACHINE_ARN`). */
  executor: 'sync' | 'local' | 'stepfunctions';
  stateMachineArn?: string;
  /** `LAMBDA_CONNECT_RESTART_POLL_SECONDS` (default 2): the wait between checks of the restarted tasks. */
  pollWaitSeconds: number;
  /** `LAMBDA_CONNECT_RESTART_MAX_POLLS` (default 60): checks before the outcome is recorded anyway. */
  maxPolls: number;
}

/** The sink runtime's settings (docs/sink-tasks.md). */
export interface SinkSettings {
  /** `SINK_TASK_FUNCTION`: the function whose aliases the event source mappings invoke; unset: no mappings are managed. */
  taskFunctionName?: string;
  /** `LAMBDA_CONNECT_SINK_MAPPINGS`: `lambda` (default; needs SINK_TASK_FUNCTION) or `memory` (standalone mode's ESM emulator). */
  mappings: 'lambda' | 'memory';
  /** Where mappings read from: `KAFKA_CLUSTER_ARN` (MSK) or `KAFKA_BROKERS` (self-managed), `KAFKA_AUTH`, `KAFKA_SECRET_ARN`, `KAFKA_SUBNET_IDS`, `KAFKA_SECURITY_GROUP_IDS`. */
  eventSource: KafkaEventSourceSettings;
}

/** The source task runtime's settings (docs/source-tasks.md). */
export interface SourceSettings {
  /** `SOURCE_TASK_FUNCTION`: the function the dispatcher and busy windows invoke. */
  taskFunctionName?: string;
  /** `LAMBDA_ENDPOINT`: a Lambda API other than AWS's (serverless-offline, tests). */
  lambdaEndpoint?: string;
  /** Kafka's `offset.flush.interval.ms` (default 60000). */
  offsetFlushIntervalMs: number;
  /** `LAMBDA_CONNECT_SOURCE_LEASE_MS` (default 60000): a task lease's lifetime without renewal. */
  leaseTtlMs: number;
  /** `LAMBDA_CONNECT_SOURCE_SAFETY_MARGIN_MS` (default 10000): polling stops this long before the invocation's deadline. */
  safetyMarginMs: number;
  /** `LAMBDA_CONNECT_DISPATCH_INTERVAL_MS` (default 5000): standalone mode's dispatcher period, short so a
   *  new connector starts within seconds on a laptop (AWS: the rate(1 minute) schedule rule). Idle
   *  windows end at once, so frequent ticks cost little. */
  dispatchIntervalMs: number;
  /** Kafka's `topic.creation.enable` (default true). */
  topicCreationEnabled: boolean;
  /** The worker's `key.converter`, `value.converter`, `header.converter` and their `schemas.enable`, where set. */
  workerConverters: Record<string, string>;
}

/** Worker converter keys read from the environment (their `CONNECT_*` names are unambiguous). */
const WORKER_CONVERTER_KEYS = ['key.converter', 'value.converter', 'header.converter', 'key.converter.schemas.enable', 'value.converter.schemas.enable'];

type Env = Record<string, string | undefined>;

/** `rest.advertised.host.name` → `CONNECT_REST_ADVERTISED_HOST_NAME`. */
export function envName(workerKey: string): string {
  return `CONNECT_${workerKey.toUpperCase().replace(/[.-]/g, '_')}`;
}

export function settingsFromEnv(env: Env = process.env): Settings {
  const worker = (key: string): string | undefined => env[envName(key)];
  const listener = parseListener(worker('listeners') ?? 'http://:8083');
  const protocol = worker('rest.advertised.listener') ?? listener.protocol;
  const host = worker('rest.advertised.host.name') || listener.host || env.AWS_LAMBDA_FUNCTION_NAME || hostname();
  const port = worker('rest.advertised.port') ?? String(listener.port);
  const kafkaAuth = parseKafkaAuth({ auth: env.KAFKA_AUTH, secretArn: env.KAFKA_SECRET_ARN, tls: env.KAFKA_TLS });
  return {
    tableName: env.LAMBDA_CONNECT_TABLE ?? 'lambda-connect',
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    kafkaBrokers: (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean),
    kafkaClusterId: env.KAFKA_CLUSTER_ID || undefined,
    kafkaAuth,
    commit: env.LAMBDA_CONNECT_COMMIT ?? 'unknown',
    rest: {
      allowOrigin: worker('access.control.allow.origin') ?? '',
      allowMethods: worker('access.control.allow.methods') ?? '',
      maxBodyBytes: Number(worker('rest.request.max.bytes') ?? 1024 * 1024),
      advertisedUrl: `${protocol}://${host}:${port}`,
      // A LIST config: unset means the main listeners; blank is the empty list, which disables admin.
      adminEnabled: worker('admin.listeners')?.trim() !== '',
    },
    workerId: `${host}:${port}`,
    topicTrackingEnabled: bool(worker('topic.tracking.enable'), true),
    topicTrackingAllowReset: bool(worker('topic.tracking.allow.reset'), true),
    source: sourceSettings(env, worker),
    sink: sinkSettings(env, kafkaAuth),
    restarts: restartSettings(env),
    metrics: metricsSettings(env),
    ...(env.LAMBDA_CONNECT_BASIC_AUTH_SECRET
      ? { basicAuth: { secretId: env.LAMBDA_CONNECT_BASIC_AUTH_SECRET, cacheTtlMs: 1000 * millis(env.LAMBDA_CONNECT_BASIC_AUTH_CACHE_SECONDS, 60) } }
      : {}),
    configProviders: {
      ...(worker('config.providers') === undefined ? {} : { enabled: worker('config.providers') }),
      ...(worker('config.providers.env.param.allowlist.pattern') === undefined ? {} : { envAllowlistPattern: worker('config.providers.env.param.allowlist.pattern') }),
    },
  };
}

function restartSettings(env: Env): RestartSettings {
  const arn = env.RESTART_STATE_MACHINE_ARN || undefined;
  const executor = arn ? 'stepfunctions' : env.LAMBDA_CONNECT_RESTARTS === 'local' ? 'local' : 'sync';
  return {
    executor,
    ...(arn ? { stateMachineArn: arn } : {}),
    pollWaitSeconds: Math.max(1, millis(env.LAMBDA_CONNECT_RESTART_POLL_SECONDS, 2)),
    maxPolls: Math.max(1, millis(env.LAMBDA_CONNECT_RESTART_MAX_POLLS, 60)),
  };
}

function sinkSettings(env: Env, kafkaAuth: KafkaAuthSettings): SinkSettings {
  const list = (text: string | undefined) => (text ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return {
    ...(env.SINK_TASK_FUNCTION ? { taskFunctionName: env.SINK_TASK_FUNCTION } : {}),
    mappings: env.LAMBDA_CONNECT_SINK_MAPPINGS === 'memory' ? 'memory' : 'lambda',
    eventSource: {
      ...(env.KAFKA_CLUSTER_ARN ? { clusterArn: env.KAFKA_CLUSTER_ARN } : {}),
      bootstrapServers: list(env.KAFKA_BROKERS),
      auth: kafkaAuth.mechanism,
      ...(kafkaAuth.secretArn ? { secretArn: kafkaAuth.secretArn } : {}),
      subnetIds: list(env.KAFKA_SUBNET_IDS),
      securityGroupIds: list(env.KAFKA_SECURITY_GROUP_IDS),
    },
  };
}

function sourceSettings(env: Env, worker: (key: string) => string | undefined): SourceSettings {
  const converters = WORKER_CONVERTER_KEYS.flatMap((key) => {
    const value = worker(key);
    return value === undefined ? [] : [[key, value] as const];
  });
  return {
    ...(env.SOURCE_TASK_FUNCTION ? { taskFunctionName: env.SOURCE_TASK_FUNCTION } : {}),
    ...(env.LAMBDA_ENDPOINT ? { lambdaEndpoint: env.LAMBDA_ENDPOINT } : {}),
    offsetFlushIntervalMs: millis(worker('offset.flush.interval.ms'), 60_000),
    leaseTtlMs: millis(env.LAMBDA_CONNECT_SOURCE_LEASE_MS, 60_000),
    safetyMarginMs: millis(env.LAMBDA_CONNECT_SOURCE_SAFETY_MARGIN_MS, 10_000),
    dispatchIntervalMs: millis(env.LAMBDA_CONNECT_DISPATCH_INTERVAL_MS, 5_000),
    topicCreationEnabled: bool(worker('topic.creation.enable'), true),
    workerConverters: Object.fromEntries(converters),
  };
}

/** A non-negative integer, else the fallback (a bad value must not stop a cold start). */
function millis(value: string | undefined, fallback: number): number {
  const parsed = Number(value?.trim() || Number.NaN);
  return Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

function parseListener(listeners: string): { protocol: string; host: string; port: number } {
  const first = listeners.split(',')[0]?.trim() ?? '';
  // An IPv6 host keeps its brackets, as in Kafka's advertised URL (`http://[::1]:8083`).
  const match = /^(https?):\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?/i.exec(first);
  if (!match) return { protocol: 'http', host: '', port: 8083 };
  const protocol = (match[1] ?? 'http').toLowerCase();
  return { protocol, host: match[2] ?? '', port: Number(match[3] ?? (protocol === 'https' ? 443 : 80)) };
}

export interface MetricsSettings {
  /** `LAMBDA_CONNECT_METRICS`: `emf` or `off`; default `emf` in Lambda (AWS_LAMBDA_FUNCTION_NAME set), `off` elsewhere. */
  mode: 'emf' | 'off';
  /** `LAMBDA_CONNECT_METRICS_NAMESPACE` (default `LambdaConnect`). */
  namespace: string;
}

function metricsSettings(env: Env): MetricsSettings {
  const mode = env.LAMBDA_CONNECT_METRICS?.trim().toLowerCase() || (env.AWS_LAMBDA_FUNCTION_NAME ? 'emf' : 'off');
  if (mode !== 'emf' && mode !== 'off') throw new Error(`LAMBDA_CONNECT_METRICS must be emf or off, not ${JSON.stringify(env.LAMBDA_CONNECT_METRICS)}`);
  return { mode, namespace: env.LAMBDA_CONNECT_METRICS_NAMESPACE?.trim() || 'LambdaConnect' };
}

function bool(value: string | undefined, fallback: boolean): boolean {
  return value === undefined ? fallback : value.trim().toLowerCase() === 'true';
}
