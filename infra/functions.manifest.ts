/**
 * The one description of lambda-connect's functions and HTTP API, read by both deployers: the CDK app
 * (`infra/lambda-connect-stack.ts`) and serverless.yml (through `infra/serverless/`). Plain data only, no
 * imports: a change here changes both, and `test/infra/manifest-parity.test.ts` proves they agree.
 *
 * Environment values are either literals or named bindings (`{ bind }`) that each deployer resolves to its
 * own reference: the state table's name, the API's host, another function's name, the Kafka settings.
 * Permissions are declared as what a function does (`access`); the action lists live in
 * `infra/permissions.ts`, shared by both deployers.
 */

export type FunctionId = 'connect-api' | 'source-dispatcher' | 'source-task' | 'restart-step' | 'sink-task';
/** Functions deployed only in some configurations: the basic-auth authorizer (`apiAuth: basic`). */
export type OptionalFunctionId = 'basic-auth-authorizer';

/** What a deployer resolves for `{ bind }` environment values. */
export type Binding =
  | 'stateTable.name'
  | 'api.host'
  | 'function.source-task.name'
  | 'function.sink-task.name'
  | 'restartStateMachine.arn'
  | 'kafka.bootstrapServers'
  | 'kafka.auth'
  | 'kafka.tls'
  | 'kafka.secretArn'
  | 'kafka.clusterArn'
  | 'kafka.subnetIds'
  | 'kafka.securityGroupIds'
  | 'api.basicAuthSecretArn';

export type EnvValue =
  | { value: string }
  /** `optional`: left unset when the deployment has nothing to bind (e.g. no Kafka configured). */
  | { bind: Binding; optional?: boolean };

export type Trigger =
  /** Every path and method of the HTTP API (see `HTTP_API.routes`). */
  | { type: 'httpApi' }
  | { type: 'schedule'; expression: string }
  /** The Task states of the restart state machine (docs/restarts.md). */
  | { type: 'restartStateMachine' }
  /** Kafka event source mappings on the function's connector aliases, made at run time by the functions
   *  with `access.sinkMappings: 'manage'` (not template resources). */
  | { type: 'kafkaEventSourceMappings' };

export type TableAccess = 'read' | 'readWrite';
/** `none`: the function never touches the state table (the authorizer). */
export type StateTableAccess = TableAccess | 'none';

/** `describe`: connect and read cluster metadata; `produce`: also write (idempotently) to topics. */
export type KafkaAccess = 'describe' | 'produce';

/**
 * The sink connectors' consumer groups (`connect-*`). `commit`: join them and commit offsets (KIP-875
 * alter/reset from the REST API). `consume`: also what a Kafka event source mapping polling with the
 * function's own role needs (read the topics, the cluster's dynamic configuration, the brokers, ENIs in
 * the cluster's network).
 */
export type KafkaGroupAccess = 'commit' | 'consume';

/** The sink-task function's aliases and event source mappings. `manage`: create, update, delete (the
 *  herder's reconcile); `disable`: list and update only (a FAILED task disables its connector's mappings). */
export type SinkMappingAccess = 'manage' | 'disable';

export interface FunctionSpec {
  id: FunctionId | OptionalFunctionId;
  description: string;
  /** Entry point, relative to the repository root. */
  entry: string;
  /** The named export of `entry` Lambda calls. */
  handler: string;
  runtime: 'nodejs22.x';
  architecture: 'arm64';
  timeoutSeconds: number;
  memoryMb: number;
  environment: Record<string, EnvValue>;
  triggers: Trigger[];
  access: {
    stateTable: StateTableAccess;
    kafka?: KafkaAccess;
    /** Functions this one may invoke (asynchronously); nothing else. */
    invoke?: FunctionId[];
    /** May start executions of this deployment's restart state machine, and of nothing else. */
    startRestarts?: boolean;
    kafkaGroups?: KafkaGroupAccess;
    /** Only this deployment's sink-task function, its `lc-*` aliases and the mappings invoking them. */
    sinkMappings?: SinkMappingAccess;
    /** May read the basic-auth secret (`api.basicAuthSecretArn`), and no other secret. */
    basicAuthSecret?: boolean;
    /** Resolves `${secretsmanager:…}` / `${ssm:…}` references (docs/config-providers.md): may read the
     *  deployment's `configProviders` secrets and parameters. */
    configProviders?: boolean;
  };
  /** Placed in the deployment's VPC (when one is given) because it talks to the Kafka brokers. */
  inKafkaNetwork: boolean;
  /** Asynchronous invocations (EventBridge, Invoke with `Event`): Lambda's own retries and event age. */
  asyncInvoke?: { retryAttempts: number; maxEventAgeSeconds: number };
}

const kafkaEnvironment = {
  KAFKA_BROKERS: { bind: 'kafka.bootstrapServers', optional: true },
  KAFKA_AUTH: { bind: 'kafka.auth', optional: true },
  // Bound explicitly with KAFKA_AUTH (the runtime's default otherwise: on for every mechanism but none).
  KAFKA_TLS: { bind: 'kafka.tls', optional: true },
  KAFKA_SECRET_ARN: { bind: 'kafka.secretArn', optional: true },
} satisfies Record<string, EnvValue>;

/** What the event source mappings port reads (lib/config/worker-settings.ts `sink`): the function whose
 *  aliases the mappings invoke, and where the mappings poll from (MSK cluster, or self-managed brokers
 *  with their VPC subnets and security groups). */
const sinkMappingEnvironment = {
  ...kafkaEnvironment,
  SINK_TASK_FUNCTION: { bind: 'function.sink-task.name' },
  KAFKA_CLUSTER_ARN: { bind: 'kafka.clusterArn', optional: true },
  KAFKA_SUBNET_IDS: { bind: 'kafka.subnetIds', optional: true },
  KAFKA_SECURITY_GROUP_IDS: { bind: 'kafka.securityGroupIds', optional: true },
} satisfies Record<string, EnvValue>;

/**
 * V8's heap limits for `memoryMb`, as Lambda's Node.js bootstrap (`/var/runtime/bootstrap` of the public
 * nodejs14.x and nodejs18.x images) derives them: a tenth of the memory for the young generation, as two
 * semi-spaces, and the rest for the old space (1024 MB: `--max-semi-space-size=51 --max-old-space-size=922`).
 * Newer bootstraps leave both alone when NODE_OPTIONS sets either.
 *
 * The functions that run pipelines set them explicitly, so that what runs is what `npm run bench`
 * measures (bench/one-core.ts passes the same flags) whatever a runtime version's bootstrap does. Both
 * matter: a batch of converted records is held until it is produced or put, so the semi-space size
 * decides how much of it scavenges copy; the old-space limit sets how far V8 lets the old generation
 * grow between full collections (docs/converters.md, "Young generation and heap limits").
 */
export function heapOptions(memoryMb: number): string {
  const youngMb = Math.floor(memoryMb / 10);
  return `--max-semi-space-size=${Math.floor(youngMb / 2)} --max-old-space-size=${memoryMb - youngMb}`;
}

/** source-task's and sink-task's memory; their heap limits follow it (heapOptions). */
export const PIPELINE_MEMORY_MB = 1024;

/** Source maps make stack traces in statuses and logs point at `lib/`, not at the bundle. */
const common = {
  runtime: 'nodejs22.x',
  architecture: 'arm64',
  environment: { NODE_OPTIONS: { value: '--enable-source-maps' }, LAMBDA_CONNECT_TABLE: { bind: 'stateTable.name' } },
} as const;

/** NODE_OPTIONS of the functions that run pipelines: source maps, and the heap limits spelled out. */
export const PIPELINE_NODE_OPTIONS = `${common.environment.NODE_OPTIONS.value} ${heapOptions(PIPELINE_MEMORY_MB)}`;

// A late tick is superseded by the next one (every minute), and a retried window would only race the
// task's lease: Lambda must not retry these asynchronous invocations.
const tickInvoke = { retryAttempts: 0, maxEventAgeSeconds: 60 };

export const FUNCTIONS: Record<FunctionId, FunctionSpec> = {
  'connect-api': {
    ...common,
    id: 'connect-api',
    description: 'lambda-connect: the Kafka Connect REST API',
    entry: 'functions/connect-api.ts',
    handler: 'handler',
    // API Gateway HTTP APIs give up on an integration after 30 s.
    timeoutSeconds: 29,
    memoryMb: 1024,
    environment: {
      ...common.environment,
      ...sinkMappingEnvironment,
      // Location headers and `GET /` name the API's own URL, as Kafka's rest.advertised.* do.
      CONNECT_REST_ADVERTISED_LISTENER: { value: 'https' },
      CONNECT_REST_ADVERTISED_HOST_NAME: { bind: 'api.host' },
      CONNECT_REST_ADVERTISED_PORT: { value: '443' },
      // Restarts run as executions of the restart state machine (docs/restarts.md).
      RESTART_STATE_MACHINE_ARN: { bind: 'restartStateMachine.arn' },
    },
    triggers: [{ type: 'httpApi' }],
    // Sink connectors: their aliases and event source mappings (reconciled after every change) and
    // their groups' offsets (KIP-875 PATCH/DELETE /offsets).
    access: { stateTable: 'readWrite', kafka: 'describe', startRestarts: true, kafkaGroups: 'commit', sinkMappings: 'manage', configProviders: true },
    inKafkaNetwork: true,
  },
  'source-dispatcher': {
    ...common,
    id: 'source-dispatcher',
    description: 'lambda-connect: every minute, starts one source-task invocation per running source task and reconciles the sink mappings',
    entry: 'functions/source-dispatcher.ts',
    handler: 'handler',
    timeoutSeconds: 60,
    memoryMb: 256,
    environment: { ...common.environment, ...sinkMappingEnvironment, SOURCE_TASK_FUNCTION: { bind: 'function.source-task.name' } },
    triggers: [{ type: 'schedule', expression: 'rate(1 minute)' }],
    // The tick also reconciles every sink connector's mappings (new topics matching `topics.regex`, drift),
    // hence the mapping permissions and Kafka describe access (listing topics) in the Kafka network; a tick
    // that changed a connector's mappings writes its tasks' RUNNING statuses, hence table writes.
    // Re-creating a topic's mapping under another group first commits the topic's progress to it: group commits.
    access: { stateTable: 'readWrite', kafka: 'describe', invoke: ['source-task'], kafkaGroups: 'commit', sinkMappings: 'manage' },
    inKafkaNetwork: true,
    asyncInvoke: tickInvoke,
  },
  'source-task': {
    ...common,
    id: 'source-task',
    description: 'lambda-connect: runs one source task for a bounded polling window',
    entry: 'functions/source-task.ts',
    handler: 'handler',
    // A window (poll.window.ms, 60 s by default) is capped by the remaining time minus a margin.
    timeoutSeconds: 300,
    memoryMb: PIPELINE_MEMORY_MB,
    environment: {
      ...common.environment,
      NODE_OPTIONS: { value: PIPELINE_NODE_OPTIONS },
      ...kafkaEnvironment,
      SOURCE_TASK_FUNCTION: { bind: 'function.source-task.name' },
    },
    // No trigger of its own: source-dispatcher invokes it asynchronously, and a busy window hands over
    // to a fresh invocation of itself (continuation), hence its own name and invoke permission.
    triggers: [],
    access: { stateTable: 'readWrite', kafka: 'produce', invoke: ['source-task'], configProviders: true },
    inKafkaNetwork: true,
    asyncInvoke: tickInvoke,
  },
  'restart-step': {
    ...common,
    id: 'restart-step',
    description: 'lambda-connect: one step of the restart state machine (mark, fence, restart, re-enable, check, record)',
    entry: 'functions/restart-step.ts',
    handler: 'handler',
    timeoutSeconds: 60,
    memoryMb: 512,
    // Restarting a connector runs its start() and taskConfigs(), which may reach its external system
    // (a JDBC source lists tables): the same network as connect-api.
    environment: { ...common.environment, ...sinkMappingEnvironment, SOURCE_TASK_FUNCTION: { bind: 'function.source-task.name' } },
    triggers: [{ type: 'restartStateMachine' }],
    // Re-enabling a restarted source task invokes it at once rather than at the next dispatcher tick; a
    // restarted sink connector's mappings are reconciled (re-enabled) as after any change.
    // Its reconcile resolves `topics.regex` against the cluster's topics, hence Kafka describe access.
    access: { stateTable: 'readWrite', kafka: 'describe', invoke: ['source-task'], kafkaGroups: 'commit', sinkMappings: 'manage', configProviders: true },
    inKafkaNetwork: true,
  },
  'sink-task': {
    ...common,
    id: 'sink-task',
    description: 'lambda-connect: runs sink connector batches delivered by Kafka event source mappings',
    entry: 'functions/sink-task.ts',
    handler: 'handler',
    // A Kafka event source mapping invokes for at most 14 minutes: a slow put() fails here first, so the
    // batch is rejected and delivered again rather than killed mid-way (docs/sink-tasks.md).
    timeoutSeconds: 840,
    memoryMb: PIPELINE_MEMORY_MB,
    // Its own name: a FAILED task disables its connector's mappings through the same reconcile.
    environment: { ...common.environment, NODE_OPTIONS: { value: PIPELINE_NODE_OPTIONS }, ...sinkMappingEnvironment },
    // connect-api creates one mapping per topic of each sink connector, on the connector's alias
    // (`lc-<hash>`) of this function.
    triggers: [{ type: 'kafkaEventSourceMappings' }],
    access: { stateTable: 'readWrite', kafka: 'produce', kafkaGroups: 'consume', sinkMappings: 'disable', configProviders: true },
    inKafkaNetwork: true,
  },
};

/**
 * The HTTP API's Lambda authorizer for `apiAuth: basic` (docs/deploy.md): checks `Authorization: Basic …`
 * against the users in a Secrets Manager secret. Deployed only in that mode, by both deployers.
 */
export const BASIC_AUTH_AUTHORIZER: FunctionSpec = {
  runtime: 'nodejs22.x',
  architecture: 'arm64',
  id: 'basic-auth-authorizer',
  description: 'lambda-connect: HTTP basic auth for the REST API, against users in Secrets Manager',
  entry: 'functions/basic-auth-authorizer.ts',
  handler: 'handler',
  timeoutSeconds: 10,
  memoryMb: 256,
  environment: {
    NODE_OPTIONS: { value: '--enable-source-maps' },
    LAMBDA_CONNECT_BASIC_AUTH_SECRET: { bind: 'api.basicAuthSecretArn' },
  },
  triggers: [],
  access: { stateTable: 'none', basicAuthSecret: true },
  inKafkaNetwork: false,
};

/** How API Gateway calls the authorizer: payload 2.0, `{isAuthorized}` answers, cached per Authorization header. */
export const BASIC_AUTH = {
  identitySource: '$request.header.Authorization',
  payloadFormatVersion: '2.0',
  /** A changed or revoked password takes effect within this time plus the function's own secret cache. */
  resultsCacheTtlSeconds: 300,
} as const;

/** The HTTP API in front of connect-api: every Connect path, IAM (SigV4) auth unless a deployment says otherwise. */
export const HTTP_API = {
  function: 'connect-api' as FunctionId,
  routes: ['ANY /', 'ANY /{proxy+}'],
  payloadFormatVersion: '2.0',
  /** Access log line, `$context` variables of HTTP APIs. */
  accessLogFormat: {
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    caller: '$context.identity.userArn',
    requestTime: '$context.requestTime',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  },
} as const;

/** esbuild options of infra/bundle.ts, which both `cdk synth` (local asset bundling) and `serverless package` (local plugin) run. */
export const BUNDLING = {
  /** Lambda runs Node 22; the build targets the oldest Node the project supports, so local runs match. */
  target: 'node20',
  format: 'esm',
  outFile: 'index.mjs',
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  // The AWS SDK is bundled: the pinned, tested versions run, not whatever the runtime ships.
  external: [] as string[],
  // CommonJS dependencies (kafkajs, …) call require() inside an ES module bundle.
  banner: "import { createRequire as __lcCreateRequire } from 'node:module'; const require = __lcCreateRequire(import.meta.url);",
} as const;

export const LOG_RETENTION_DAYS = 30;
