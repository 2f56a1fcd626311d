/**
 * serverless.yml's functions and resources, generated from the same manifest, permissions and table
 * definition as the CDK app: per-function roles with the same statements, the same triggers and
 * environment, the same table. Loaded by `index.cjs` (osls reads `${file(…)}` sources as CommonJS).
 */
import { restartDefinition } from '#lib/runtime/restart/restart-definition';
import { stateTableDefinition } from '#lib/store/dynamodb/table';
import { kafkaTls, parseDeployConfig, type DeployConfig } from '../deploy-config.ts';
import { PARAMETER_ACTIONS, SECRET_ACTIONS, kmsDecryptGrants } from '../secret-access.ts';
import { BASIC_AUTH, BASIC_AUTH_AUTHORIZER, FUNCTIONS, HTTP_API, LOG_RETENTION_DAYS, type Binding, type FunctionSpec } from '../functions.manifest.ts';
import {
  ESM_NETWORK_ACTIONS,
  BASIC_AUTH_SECRET_ACTIONS,
  INVOKE_ACTIONS,
  KAFKA_GROUP_ACTIONS,
  KAFKA_READ_TOPIC_ACTIONS,
  MSK_ESM_CLUSTER_ACTIONS,
  SINK_ALIAS_PREFIX,
  SINK_GROUP_PATTERN,
  mskGroupArn,
  sinkMappingPolicy,
  START_RESTART_ACTIONS,
  KAFKA_CLUSTER_ACTIONS,
  KAFKA_SECRET_ACTIONS,
  KAFKA_TOPIC_ACTIONS,
  LOG_ACTIONS,
  mskTopicArn,
  TABLE_ACTIONS,
  VPC_ACCESS_MANAGED_POLICY,
  XRAY_ACTIONS,
} from '../permissions.ts';

/** Where the local plugin writes each function's bundle, relative to the service directory. */
export const BUILD_DIR = 'dist/serverless';
export const TABLE_LOGICAL_ID = 'StateTable';
export const RESTART_STATE_MACHINE_LOGICAL_ID = 'RestartStateMachine';
/** The logical id osls gives the HTTP API it creates. */
const HTTP_API_LOGICAL_ID = 'HttpApi';
/** The name of the basic-auth authorizer under provider.httpApi.authorizers. */
const BASIC_AUTHORIZER_NAME = 'basicAuth';

export interface ServerlessContext {
  service: string;
  stage: string;
  config: DeployConfig;
}

type Cfn = unknown;
type Statement = { Effect: 'Allow'; Action: string[]; Resource: Cfn | Cfn[]; Condition?: Cfn };

export function serverlessContext(service: unknown, stage: unknown, config: unknown): ServerlessContext {
  if (typeof service !== 'string' || typeof stage !== 'string') throw new Error('service and stage must be strings');
  return { service, stage, config: parseDeployConfig(config ?? {}) };
}

/** osls names a function `<service>-<stage>-<key>`; set explicitly so roles and env can name it. */
export function functionName(ctx: ServerlessContext, id: FunctionSpec['id']): string {
  return `${ctx.service}-${ctx.stage}-${id}`;
}

export function roleLogicalId(id: FunctionSpec['id']): string {
  return `${id.split('-').map((part) => part[0]?.toUpperCase() + part.slice(1)).join('')}Role`;
}

/** The manifest's functions, plus the basic-auth authorizer with `apiAuth: basic`. */
function deployedFunctions(ctx: ServerlessContext): FunctionSpec[] {
  return [...Object.values(FUNCTIONS), ...(ctx.config.apiAuth === 'basic' ? [BASIC_AUTH_AUTHORIZER] : [])];
}

export function serverlessFunctions(ctx: ServerlessContext): Record<string, unknown> {
  return Object.fromEntries(deployedFunctions(ctx).map((spec) => [spec.id, serverlessFunction(ctx, spec)]));
}

function serverlessFunction(ctx: ServerlessContext, spec: FunctionSpec): Record<string, unknown> {
  const vpc = spec.inKafkaNetwork ? kafkaVpc(ctx.config) : undefined;
  return {
    name: functionName(ctx, spec.id),
    description: spec.description,
    handler: `${BUILD_DIR}/${spec.id}/index.${spec.handler}`,
    runtime: spec.runtime,
    architecture: spec.architecture,
    timeout: spec.timeoutSeconds,
    memorySize: spec.memoryMb,
    role: roleLogicalId(spec.id),
    environment: environment(ctx, spec),
    events: spec.triggers.flatMap((trigger) => {
      if (trigger.type === 'httpApi') return httpApiEvents(ctx.config);
      if (trigger.type === 'schedule') return [{ schedule: { rate: [trigger.expression], enabled: ctx.config.sourceSchedule ?? true } }];
      // The restart state machine is a resource of its own (serverlessResources) that invokes the function;
      // Kafka event source mappings are made at run time by connect-api.
      return [];
    }),
    package: { patterns: ['!**', `${BUILD_DIR}/${spec.id}/**`] },
    ...(spec.asyncInvoke ? { maximumRetryAttempts: spec.asyncInvoke.retryAttempts, maximumEventAge: spec.asyncInvoke.maxEventAgeSeconds } : {}),
    ...(vpc ? { vpc } : {}),
  };
}

function httpApiEvents(config: DeployConfig): unknown[] {
  return HTTP_API.routes.map((route) => {
    const [method = '', path = ''] = route.split(' ');
    return {
      httpApi: {
        method: method === 'ANY' ? '*' : method,
        path,
        ...(config.apiAuth === 'none' ? {} : { authorizer: config.apiAuth === 'basic' ? { name: BASIC_AUTHORIZER_NAME } : { type: 'aws_iam' } }),
      },
    };
  });
}

function environment(ctx: ServerlessContext, spec: FunctionSpec): Record<string, Cfn> {
  const env: Record<string, Cfn> = {};
  for (const [name, value] of Object.entries(spec.environment)) {
    if ('value' in value) {
      env[name] = value.value;
      continue;
    }
    const bound = binding(ctx, value.bind);
    if (bound !== undefined) env[name] = bound;
    else if (!value.optional) throw new Error(`${spec.id}: nothing to bind ${value.bind} to`);
  }
  return env;
}

function binding(ctx: ServerlessContext, name: Binding): Cfn | undefined {
  const kafka = ctx.config.kafka;
  switch (name) {
    case 'stateTable.name':
      return { Ref: TABLE_LOGICAL_ID };
    case 'api.host':
      return { 'Fn::Join': ['', [{ Ref: HTTP_API_LOGICAL_ID }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] };
    case 'function.source-task.name':
      return functionName(ctx, 'source-task');
    case 'function.sink-task.name':
      return functionName(ctx, 'sink-task');
    case 'restartStateMachine.arn':
      return { Ref: RESTART_STATE_MACHINE_LOGICAL_ID };
    case 'kafka.bootstrapServers':
      return kafka?.bootstrapServers;
    case 'kafka.auth':
      return kafka && (kafka.kind === 'msk-iam' ? 'msk-iam' : kafka.auth.mechanism);
    case 'kafka.tls':
      return kafka && String(kafka.kind === 'msk-iam' ? true : kafkaTls(kafka.auth.mechanism, kafka.tls));
    case 'kafka.secretArn':
      return kafkaSecretArn(ctx.config);
    case 'api.basicAuthSecretArn':
      return ctx.config.apiAuth === 'basic' ? ctx.config.basicAuthSecretArn : undefined;
    case 'kafka.clusterArn':
      return kafka?.kind === 'msk-iam' ? kafka.clusterArn : undefined;
    // A self-managed cluster in a VPC: the mappings' pollers use the sink-task function's subnets and security groups.
    case 'kafka.subnetIds':
      return kafka?.kind === 'self-managed' ? kafkaVpc(ctx.config)?.subnetIds.join(',') : undefined;
    case 'kafka.securityGroupIds':
      return kafka?.kind === 'self-managed' ? kafkaVpc(ctx.config)?.securityGroupIds.join(',') : undefined;
  }
}

function kafkaSecretArn(config: DeployConfig): string | undefined {
  const kafka = config.kafka;
  return kafka?.kind === 'self-managed' && kafka.auth.mechanism !== 'none' ? kafka.auth.secretArn : undefined;
}

function kafkaVpc(config: DeployConfig): { subnetIds: string[]; securityGroupIds: string[] } | undefined {
  const kafka = config.kafka;
  if (!kafka?.subnetIds) return undefined;
  if (!kafka.securityGroupIds?.length) throw new Error('serverless.yml: kafka.securityGroupIds is required with a VPC (osls does not create security groups)');
  return { subnetIds: kafka.subnetIds, securityGroupIds: kafka.securityGroupIds };
}

/** The state table and one role per function. */
export function serverlessResources(ctx: ServerlessContext): { Resources: Record<string, unknown>; Outputs: Record<string, unknown> } {
  const roles = deployedFunctions(ctx).map((spec) => [roleLogicalId(spec.id), role(ctx, spec)] as const);
  return {
    Resources: { [TABLE_LOGICAL_ID]: stateTable(ctx), ...Object.fromEntries(roles), ...restartStateMachine(ctx) },
    Outputs: { TableName: { Value: { Ref: TABLE_LOGICAL_ID } } },
  };
}

function stateTable(ctx: ServerlessContext): Record<string, unknown> {
  const { TableName: _name, BillingMode, AttributeDefinitions, KeySchema, GlobalSecondaryIndexes } = stateTableDefinition('unused');
  return {
    Type: 'AWS::DynamoDB::Table',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      BillingMode,
      AttributeDefinitions,
      KeySchema,
      GlobalSecondaryIndexes,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: ctx.config.tableDeletionProtection ?? true,
    },
  };
}

function role(ctx: ServerlessContext, spec: FunctionSpec): Record<string, unknown> {
  const inVpc = spec.inKafkaNetwork && kafkaVpc(ctx.config) !== undefined;
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `${spec.id}: only what the manifest declares`,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      ...(inVpc ? { ManagedPolicyArns: [{ 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${VPC_ACCESS_MANAGED_POLICY}` }] } : {}),
      Policies: [{ PolicyName: 'manifest-access', PolicyDocument: { Version: '2012-10-17', Statement: statements(ctx, spec) } }],
    },
  };
}

function statements(ctx: ServerlessContext, spec: FunctionSpec): Statement[] {
  const arn = (service: string, resource: string): Cfn => ({ 'Fn::Sub': `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}` });
  const tableArn = { 'Fn::GetAtt': [TABLE_LOGICAL_ID, 'Arn'] };
  const indexNames = (stateTableDefinition('unused').GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName);
  const result: Statement[] = [
    { Effect: 'Allow', Action: LOG_ACTIONS, Resource: arn('logs', `log-group:/aws/lambda/${functionName(ctx, spec.id)}:*`) },
    { Effect: 'Allow', Action: XRAY_ACTIONS, Resource: '*' },
  ];
  const table = spec.access.stateTable;
  if (table !== 'none') {
    result.push({ Effect: 'Allow', Action: TABLE_ACTIONS[table], Resource: [tableArn, ...indexNames.map((name) => ({ 'Fn::Join': ['', [tableArn, `/index/${name}`]] }))] });
  }
  if (spec.access.basicAuthSecret && ctx.config.apiAuth === 'basic') result.push({ Effect: 'Allow', Action: BASIC_AUTH_SECRET_ACTIONS, Resource: ctx.config.basicAuthSecretArn });
  for (const target of spec.access.invoke ?? []) {
    result.push({ Effect: 'Allow', Action: INVOKE_ACTIONS, Resource: arn('lambda', `function:${functionName(ctx, target)}`) });
  }
  if (spec.access.startRestarts) result.push({ Effect: 'Allow', Action: START_RESTART_ACTIONS, Resource: { Ref: RESTART_STATE_MACHINE_LOGICAL_ID } });
  const kafka = ctx.config.kafka;
  const access = spec.access.kafka;
  if (kafka && access) {
    if (kafka.kind === 'msk-iam') {
      result.push(
        { Effect: 'Allow', Action: KAFKA_CLUSTER_ACTIONS[access], Resource: kafka.clusterArn },
        { Effect: 'Allow', Action: KAFKA_TOPIC_ACTIONS[access], Resource: (kafka.topics ?? ['*']).map((topic) => mskTopicArn(kafka.clusterArn, topic)) },
      );
    }
    const secretArn = kafkaSecretArn(ctx.config);
    if (secretArn) result.push({ Effect: 'Allow', Action: KAFKA_SECRET_ACTIONS, Resource: secretArn });
    const keyArn = kafka.kind === 'self-managed' && kafka.auth.mechanism !== 'none' ? kafka.auth.secretKmsKeyArn : undefined;
    for (const part of kmsDecryptGrants(keyArn ? [keyArn] : [], ['secretsmanager'])) result.push({ Effect: 'Allow', Action: part.actions, Resource: part.resources, Condition: part.condition });
  }
  const groups = spec.access.kafkaGroups;
  if (kafka && groups) {
    if (kafka.kind === 'msk-iam') {
      if (groups === 'consume') result.push({ Effect: 'Allow', Action: MSK_ESM_CLUSTER_ACTIONS, Resource: kafka.clusterArn });
      result.push(
        { Effect: 'Allow', Action: KAFKA_READ_TOPIC_ACTIONS, Resource: (kafka.topics ?? ['*']).map((topic) => mskTopicArn(kafka.clusterArn, topic)) },
        { Effect: 'Allow', Action: KAFKA_GROUP_ACTIONS, Resource: mskGroupArn(kafka.clusterArn, SINK_GROUP_PATTERN) },
      );
    }
    if (groups === 'consume' && (kafka.kind === 'msk-iam' || kafkaVpc(ctx.config))) result.push({ Effect: 'Allow', Action: ESM_NETWORK_ACTIONS, Resource: '*' });
  }
  const providers = ctx.config.configProviders;
  if (spec.access.configProviders && providers) {
    const services = [...(providers.secretArns?.length ? ['secretsmanager' as const] : []), ...(providers.parameterArns?.length ? ['ssm' as const] : [])];
    for (const part of services.length > 0 ? kmsDecryptGrants(providers.kmsKeyArns ?? [], services) : []) {
      result.push({ Effect: 'Allow', Action: part.actions, Resource: part.resources, Condition: part.condition });
    }
    if (providers.secretArns?.length) result.push({ Effect: 'Allow', Action: SECRET_ACTIONS, Resource: providers.secretArns });
    if (providers.parameterArns?.length) result.push({ Effect: 'Allow', Action: PARAMETER_ACTIONS, Resource: providers.parameterArns });
  }
  if (spec.access.sinkMappings) {
    const fn = arn('lambda', `function:${functionName(ctx, 'sink-task')}`);
    const arns = { fn, aliases: arn('lambda', `function:${functionName(ctx, 'sink-task')}:${SINK_ALIAS_PREFIX}*`), mappings: arn('lambda', 'event-source-mapping:*') };
    for (const part of sinkMappingPolicy(spec.access.sinkMappings, arns)) {
      result.push({ Effect: 'Allow', Action: part.actions, Resource: part.resources, ...(part.condition ? { Condition: part.condition } : {}) });
    }
  }
  return result;
}

/**
 * The restart state machine from the same `restartDefinition` as the CDK app, with a role that may
 * invoke the restart-step function only, X-Ray tracing and every event logged to its own log group.
 */
function restartStateMachine(ctx: ServerlessContext): Record<string, unknown> {
  const stepArn = { 'Fn::Sub': `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${functionName(ctx, 'restart-step')}` };
  const logGroup = `${RESTART_STATE_MACHINE_LOGICAL_ID}Logs`;
  const role = `${RESTART_STATE_MACHINE_LOGICAL_ID}Role`;
  return {
    [logGroup]: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: LOG_RETENTION_DAYS } },
    [role]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [
          {
            PolicyName: 'restart-steps',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: INVOKE_ACTIONS, Resource: stepArn },
                // Step Functions log delivery and X-Ray support no resource-level permissions.
                { Effect: 'Allow', Action: [...STATES_LOG_DELIVERY_ACTIONS, ...XRAY_ACTIONS], Resource: '*' },
              ],
            },
          },
        ],
      },
    },
    [RESTART_STATE_MACHINE_LOGICAL_ID]: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        StateMachineType: 'STANDARD',
        RoleArn: { 'Fn::GetAtt': [role, 'Arn'] },
        DefinitionString: JSON.stringify(restartDefinition('${RestartStepArn}')),
        DefinitionSubstitutions: { RestartStepArn: stepArn },
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logGroup, 'Arn'] } } }] },
      },
    },
  };
}

const STATES_LOG_DELIVERY_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
];

/** provider.* fragments that come from the manifest (and, for the authorizer, the deploy config). */
export function serverlessProvider(ctx?: ServerlessContext): Record<string, unknown> {
  const basic = ctx?.config.apiAuth === 'basic';
  return {
    // X-Ray active tracing, as ConnectFunction sets it.
    tracing: { lambda: true },
    logRetentionInDays: LOG_RETENTION_DAYS,
    logs: { httpApi: { format: JSON.stringify(HTTP_API.accessLogFormat) } },
    httpApi: {
      payload: HTTP_API.payloadFormatVersion,
      ...(basic
        ? {
            authorizers: {
              [BASIC_AUTHORIZER_NAME]: {
                type: 'request',
                functionName: BASIC_AUTH_AUTHORIZER.id,
                identitySource: [BASIC_AUTH.identitySource],
                payloadVersion: BASIC_AUTH.payloadFormatVersion,
                enableSimpleResponses: true,
                resultTtlInSeconds: BASIC_AUTH.resultsCacheTtlSeconds,
              },
            },
          }
        : {}),
    },
  };
}
