/**
 * serverless.yml and the CDK app deploy the same thing: `osls package` (run for real, offline, without
 * credentials) and the CDK template are compared function by function — names, handlers, runtime,
 * architecture, timeouts, memory, environment, triggers, IAM statements — and for the table, the API and
 * the schedule. Kafka variants compare the Serverless generator with the CDK stack for the same config.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/deploy-config.ts';
import { BASIC_AUTH, FUNCTIONS, type FunctionId, type OptionalFunctionId } from '../../infra/functions.manifest.ts';
import { stackPropsFromConfig } from '../../infra/lambda-connect-stack.ts';
import { serverlessContext, serverlessFunctions, serverlessProvider, serverlessResources } from '../../infra/serverless/serverless-config.ts';
import { FUNCTION_IDS, STACK_NAME, functionResource, ofType, synthStack, type CfnResource } from './support/synth-stack.ts';

const run = promisify(execFile);
type Resources = Record<string, CfnResource>;

/** Everything about a function that both deployers must agree on, in deployer-neutral terms. */
interface FunctionView {
  handlerExport: string;
  runtime: unknown;
  architectures: unknown;
  timeout: unknown;
  memory: unknown;
  tracing: unknown;
  description: unknown;
  environment: Record<string, string>;
  asyncInvoke?: { retries: unknown; maxAge: unknown };
  vpc?: unknown;
  managedPolicies: string[];
  statements: string[];
}

/** A resource reference, named by what it points at rather than by logical id or deployer naming. */
function describeRef(value: unknown, resources: Resources): string {
  if (typeof value === 'string') return value.replace(/^(LambdaConnect|lambda-connect-dev)-/, '');
  const text = JSON.stringify(value);
  const [logicalId] = Object.entries(resources).find(([id]) => text.includes(`"${id}"`)) ?? [];
  const type = logicalId ? resources[logicalId]!.Type : undefined;
  if (text.includes('/index/')) return `${type}/index/${/\/index\/([^"]+)"/.exec(text)?.[1]}`;
  const fn = /:function:(?:LambdaConnect|lambda-connect-dev)-([a-z-]+)(:[^"]*)?/.exec(text);
  if (fn) return `function:${fn[1]}${fn[2] ?? ''}`;
  const mapping = /:event-source-mapping:([^"]*)/.exec(text);
  if (mapping) return `event-source-mapping:${mapping[1]}`;
  if (text.includes('log-group:/aws/lambda/') || type === 'AWS::Logs::LogGroup') return 'own log group';
  if (type === 'AWS::ApiGatewayV2::Api') return `${type} host`;
  if (type) return type;
  if (text.includes('AWSLambdaVPCAccessExecutionRole')) return 'AWSLambdaVPCAccessExecutionRole';
  return text;
}

/** A statement's condition with its values described as resources are, e.g. `ArnLike lambda:FunctionArn function:sink-task:lc-*`. */
function describeCondition(condition: unknown, resources: Resources): string {
  if (condition === undefined) return '';
  const parts = Object.entries(condition as Record<string, Record<string, unknown>>).flatMap(([op, keys]) =>
    Object.entries(keys).map(([key, values]) => `${op} ${key} ${[values].flat().map((v) => describeRef(v, resources)).join('|')}`),
  );
  return ` if ${parts.join(' and ')}`;
}

function view(resources: Resources, fn: CfnResource, roleStatements: Array<{ Action: unknown; Resource: unknown; Condition?: unknown }>, managed: unknown[] | undefined, invokeConfig?: CfnResource): FunctionView {
  const p = fn.Properties;
  const env = (p.Environment as { Variables: Record<string, unknown> }).Variables;
  return {
    handlerExport: String(p.Handler).replace(/^.*index\./, ''),
    runtime: p.Runtime,
    architectures: p.Architectures,
    timeout: p.Timeout,
    memory: p.MemorySize,
    tracing: p.TracingConfig,
    description: p.Description,
    environment: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, describeRef(v, resources)])),
    ...(invokeConfig ? { asyncInvoke: { retries: invokeConfig.Properties.MaximumRetryAttempts, maxAge: invokeConfig.Properties.MaximumEventAgeInSeconds } } : {}),
    ...(p.VpcConfig ? { vpc: p.VpcConfig } : {}),
    managedPolicies: (managed ?? []).map((m) => describeRef(m, resources)),
    statements: roleStatements
      .flatMap((st) => [st.Resource].flat().map((r) => `${[st.Action].flat().sort().join(',')} on ${describeRef(r, resources)}${describeCondition(st.Condition, resources)}`))
      .sort(),
  };
}

type AnyFunctionId = FunctionId | OptionalFunctionId;

function cdkViews(resources: Resources, ids: AnyFunctionId[] = FUNCTION_IDS): Record<FunctionId, FunctionView> {
  const synthesized = { resources } as Parameters<typeof functionResource>[0];
  return Object.fromEntries(
    ids.map((id) => {
      const [fnId, fn] = functionResource(synthesized, id);
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
      const statements = ofType(resources, 'AWS::IAM::Policy')
        .filter(([, pol]) => (pol.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
        .flatMap(([, pol]) => (pol.Properties.PolicyDocument as { Statement: [] }).Statement);
      const invoke = ofType(resources, 'AWS::Lambda::EventInvokeConfig').find(([, c]) => JSON.stringify(c.Properties.FunctionName) === JSON.stringify({ Ref: fnId }));
      return [id, view(resources, fn, statements, resources[roleId]!.Properties.ManagedPolicyArns as unknown[], invoke?.[1])];
    }),
  ) as Record<FunctionId, FunctionView>;
}

function slsViews(resources: Resources, ids: AnyFunctionId[] = FUNCTION_IDS): Record<FunctionId, FunctionView> {
  return Object.fromEntries(
    ids.map((id) => {
      const found = ofType(resources, 'AWS::Lambda::Function').find(([, f]) => String(f.Properties.FunctionName).endsWith(`-${id}`));
      if (!found) throw new Error(`serverless: no function ${id}`);
      const [fnId, fn] = found;
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
      const role = resources[roleId]!.Properties as { Policies: Array<{ PolicyDocument: { Statement: [] } }>; ManagedPolicyArns?: unknown[] };
      const invoke = ofType(resources, 'AWS::Lambda::EventInvokeConfig').find(([, c]) => JSON.stringify(c.Properties.FunctionName) === JSON.stringify({ Ref: fnId }));
      return [id, view(resources, fn, role.Policies.flatMap((pol) => pol.PolicyDocument.Statement), role.ManagedPolicyArns, invoke?.[1])];
    }),
  ) as Record<FunctionId, FunctionView>;
}

function tableView(resources: Resources): unknown {
  const [[, table] = []] = ofType(resources, 'AWS::DynamoDB::Table');
  const p = table!.Properties;
  return {
    DeletionPolicy: table!.DeletionPolicy,
    UpdateReplacePolicy: table!.UpdateReplacePolicy,
    KeySchema: p.KeySchema,
    AttributeDefinitions: [...(p.AttributeDefinitions as Array<{ AttributeName: string }>)].sort((a, b) => a.AttributeName.localeCompare(b.AttributeName)),
    GlobalSecondaryIndexes: p.GlobalSecondaryIndexes,
    BillingMode: p.BillingMode,
    PointInTimeRecoverySpecification: p.PointInTimeRecoverySpecification,
    DeletionProtectionEnabled: p.DeletionProtectionEnabled,
  };
}

function triggerView(resources: Resources): unknown {
  const fnName = (ref: unknown) => {
    const text = JSON.stringify(ref);
    const target = Object.entries(resources).find(([id, r]) => r.Type === 'AWS::Lambda::Function' && text.includes(`"${id}"`));
    return describeRef(target?.[1].Properties.FunctionName, resources);
  };
  return {
    routes: ofType(resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => `${r.Properties.RouteKey} ${r.Properties.AuthorizationType}`).sort(),
    integrations: ofType(resources, 'AWS::ApiGatewayV2::Integration').map(([, i]) => `${i.Properties.IntegrationType} ${i.Properties.PayloadFormatVersion} → ${fnName(i.Properties.IntegrationUri)}`),
    stages: ofType(resources, 'AWS::ApiGatewayV2::Stage').map(([, st]) => ({
      name: st.Properties.StageName,
      autoDeploy: st.Properties.AutoDeploy,
      accessLogFormat: (st.Properties.AccessLogSettings as { Format: string }).Format,
    })),
    schedules: ofType(resources, 'AWS::Events::Rule').map(([, r]) => `${r.Properties.ScheduleExpression} ${r.Properties.State} → ${fnName((r.Properties.Targets as Array<{ Arn: unknown }>)[0]!.Arn)}`),
    invokePrincipals: ofType(resources, 'AWS::Lambda::Permission').map(([, perm]) => `${perm.Properties.Principal} → ${fnName(perm.Properties.FunctionName)}`).sort().filter((v, i, a) => a.indexOf(v) === i),
    logRetention: [...new Set(ofType(resources, 'AWS::Logs::LogGroup').map(([, g]) => g.Properties.RetentionInDays))],
  };
}

describe('osls package (offline) and cdk synth, default config', () => {
  let packageDir: string;
  let sls: Resources;
  const cdk = synthStack().resources;

  beforeAll(async () => {
    packageDir = await mkdtemp(join(tmpdir(), 'lambda-connect-sls-package-'));
    // No AWS credentials and no network: packaging must not need either.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
    await run(process.execPath, ['node_modules/osls/bin/serverless.js', 'package', '--package', packageDir], { env, timeout: 120_000 });
    sls = JSON.parse(await readFile(join(packageDir, 'cloudformation-template-update-stack.json'), 'utf8')).Resources as Resources;
  }, 150_000);

  afterAll(async () => {
    if (packageDir) await rm(packageDir, { recursive: true, force: true });
  });

  it('packages one zip per manifest function', async () => {
    const state = JSON.parse(await readFile(join(packageDir, 'serverless-state.json'), 'utf8')) as { service: { functions: Record<string, { package: { artifact: string } }> } };
    expect(Object.keys(state.service.functions).sort()).toEqual([...FUNCTION_IDS].sort());
    for (const fn of Object.values(state.service.functions)) expect(fn.package.artifact).toMatch(/\.zip$/);
  });

  it.each(FUNCTION_IDS)('%s: same handler, runtime, architecture, timeout, memory, tracing, environment, async retries and IAM', (id) => {
    expect(slsViews(sls)[id]).toEqual(cdkViews(cdk)[id]);
  });

  it('names functions <deployment>-<manifest id> on both sides', () => {
    expect(ofType(cdk, 'AWS::Lambda::Function').map(([, f]) => f.Properties.FunctionName).sort()).toEqual(FUNCTION_IDS.map((id) => `${STACK_NAME}-${id}`).sort());
    expect(ofType(sls, 'AWS::Lambda::Function').map(([, f]) => f.Properties.FunctionName).sort()).toEqual(FUNCTION_IDS.map((id) => `lambda-connect-dev-${id}`).sort());
  });

  it('same table', () => {
    expect(tableView(sls)).toEqual(tableView(cdk));
  });

  it('same routes and auth, integration, stage access logs, schedule, invoke principals and log retention', () => {
    expect(triggerView(sls)).toEqual(triggerView(cdk));
  });

  it('the manifest is what both describe', () => {
    const views = cdkViews(cdk);
    for (const id of FUNCTION_IDS) {
      expect(views[id]).toMatchObject({ handlerExport: FUNCTIONS[id].handler, timeout: FUNCTIONS[id].timeoutSeconds, memory: FUNCTIONS[id].memoryMb, runtime: FUNCTIONS[id].runtime });
    }
  });
});

const BASIC_SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users-AbCdEf';

describe('the Serverless generator and the CDK stack, Kafka configs', () => {
  const configs = {
    'MSK IAM in a VPC': {
      kafka: {
        kind: 'msk-iam',
        clusterArn: 'arn:aws:kafka:eu-west-1:123456789012:cluster/orders/0a1b2c3d-1111-2222-3333-444455556666-7',
        bootstrapServers: 'b-1:9098',
        topics: ['orders'],
        vpcId: 'vpc-0123456789abcdef0',
        subnetIds: ['subnet-0aaaaaaaaaaaaaaa1'],
        securityGroupIds: ['sg-0123456789abcdef0'],
      },
    },
    'self-managed SCRAM': {
      kafka: { kind: 'self-managed', bootstrapServers: 'k:9096', auth: { mechanism: 'scram-sha-512', secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka-AbCdEf' } },
    },
    'self-managed SCRAM over plaintext, secret under a customer-managed key, config providers with a key': {
      kafka: {
        kind: 'self-managed',
        bootstrapServers: 'k:9092',
        tls: false,
        auth: { mechanism: 'scram-sha-256', secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka-AbCdEf', secretKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      },
      configProviders: {
        secretArns: ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect/*'],
        parameterArns: ['arn:aws:ssm:eu-west-1:123456789012:parameter/connect/*'],
        kmsKeyArns: ['arn:aws:kms:eu-central-1:123456789012:key/abcd1234-12ab-34cd-56ef-1234567890ab'],
      },
    },
    'self-managed, no auth, over TLS': { kafka: { kind: 'self-managed', bootstrapServers: 'k:9094', tls: true, auth: { mechanism: 'none' } } },
    'self-managed mTLS in a VPC': {
      kafka: {
        kind: 'self-managed',
        bootstrapServers: 'k:9094',
        auth: { mechanism: 'mtls', secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka-client-AbCdEf' },
        vpcId: 'vpc-0123456789abcdef0',
        subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
        securityGroupIds: ['sg-0123456789abcdef0'],
      },
    },
    'open API, schedule off, table unprotected': { apiAuth: 'none', confirmOpenApi: true, sourceSchedule: false, tableDeletionProtection: false },
    'basic auth': { apiAuth: 'basic', basicAuthSecretArn: BASIC_SECRET },
  };

  it.each(Object.entries(configs))('%s', (_name, config) => {
    const cdk = synthStack(stackPropsFromConfig(parseDeployConfig(config)), new App()).resources;
    const ctx = serverlessContext('lambda-connect', 'dev', config);
    // HttpApi: the logical id osls gives the API it creates, which the generator's api.host binding names.
    const sls = { ...serverlessResources(ctx).Resources, ...slsFunctionResources(ctx), HttpApi: { Type: 'AWS::ApiGatewayV2::Api', Properties: {} } } as Resources;
    const ids: AnyFunctionId[] = 'apiAuth' in config && config.apiAuth === 'basic' ? [...FUNCTION_IDS, 'basic-auth-authorizer'] : FUNCTION_IDS;
    expect(slsViews(sls, ids)).toEqual(cdkViews(cdk, ids));
    expect(tableView(sls)).toEqual(tableView(cdk));
  });

  it('basic auth: the same authorizer on every route (osls builds it from provider.httpApi.authorizers)', () => {
    const cdk = synthStack(stackPropsFromConfig(parseDeployConfig(configs['basic auth'])), new App()).resources;
    const ctx = serverlessContext('lambda-connect', 'dev', configs['basic auth']);
    const [, authorizer] = ofType(cdk, 'AWS::ApiGatewayV2::Authorizer')[0]!;
    const provider = serverlessProvider(ctx) as { httpApi: { authorizers: Record<string, Record<string, unknown>> } };
    expect(Object.values(provider.httpApi.authorizers)).toEqual([
      {
        type: authorizer.Properties.AuthorizerType === 'REQUEST' ? 'request' : 'other',
        functionName: 'basic-auth-authorizer',
        identitySource: authorizer.Properties.IdentitySource,
        payloadVersion: authorizer.Properties.AuthorizerPayloadFormatVersion,
        enableSimpleResponses: authorizer.Properties.EnableSimpleResponses,
        resultTtlInSeconds: BASIC_AUTH.resultsCacheTtlSeconds,
      },
    ]);
    expect(authorizer.Properties.AuthorizerResultTtlInSeconds).toBe(BASIC_AUTH.resultsCacheTtlSeconds);
    const events = (serverlessFunctions(ctx)['connect-api'] as { events: Array<{ httpApi: { authorizer: unknown } }> }).events;
    expect(events.map((e) => e.httpApi.authorizer)).toEqual([{ name: 'basicAuth' }, { name: 'basicAuth' }]);
    expect(ofType(cdk, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.AuthorizationType)).toEqual(['CUSTOM', 'CUSTOM']);
  });
});

/** The few Lambda properties osls derives from a function definition, for the generator-level comparison. */
function slsFunctionResources(ctx: ReturnType<typeof serverlessContext>): Resources {
  const resources: Resources = {};
  for (const [id, def] of Object.entries(serverlessFunctions(ctx)) as Array<[string, Record<string, unknown>]>) {
    const fnId = `Fn${id}`;
    resources[fnId] = {
      Type: 'AWS::Lambda::Function',
      Properties: {
        FunctionName: def.name,
        Handler: def.handler,
        Runtime: def.runtime,
        Architectures: [def.architecture],
        Timeout: def.timeout,
        MemorySize: def.memorySize,
        TracingConfig: { Mode: 'Active' },
        Description: def.description,
        Role: { 'Fn::GetAtt': [def.role, 'Arn'] },
        Environment: { Variables: def.environment },
        ...(def.vpc ? { VpcConfig: { SubnetIds: (def.vpc as { subnetIds: string[] }).subnetIds, SecurityGroupIds: (def.vpc as { securityGroupIds: string[] }).securityGroupIds } } : {}),
      },
    };
    if (def.maximumRetryAttempts !== undefined) {
      resources[`${fnId}EvConf`] = {
        Type: 'AWS::Lambda::EventInvokeConfig',
        Properties: { FunctionName: { Ref: fnId }, MaximumRetryAttempts: def.maximumRetryAttempts, MaximumEventAgeInSeconds: def.maximumEventAge },
      };
    }
  }
  return resources;
}
