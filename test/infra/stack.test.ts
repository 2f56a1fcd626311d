import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ConnectFunction, physicalFunctionName } from '../../infra/constructs/connect-function.ts';
import { StateTable } from '../../infra/constructs/state-table.ts';
import { FUNCTIONS, HTTP_API } from '../../infra/functions.manifest.ts';
import { stateTableDefinition } from '#lib/store/dynamodb/table';
import { FUNCTION_IDS, STACK_NAME, functionResource, ofType, roleStatements, synthStack } from './support/synth-stack.ts';

const s = synthStack();
const logicalId = (type: string): string => {
  const found = ofType(s.resources, type);
  expect(found).toHaveLength(1);
  return found[0]![0];
};
const tableId = logicalId('AWS::DynamoDB::Table');
const apiId = logicalId('AWS::ApiGatewayV2::Api');
const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
const indexArn = { 'Fn::Join': ['', [tableArn, '/index/gsi1']] };
const functionArnByName = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:function:${name}`]],
});
const apiIdOf = (synthesized: typeof s) => ofType(synthesized.resources, 'AWS::ApiGatewayV2::Api')[0]![0];
const logGroupOf = (id: keyof typeof FUNCTIONS) => (functionResource(s, id)[1].Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
const arnOf = (resource: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${resource}`]],
});
const invokesASinkAlias = { ArnLike: { 'lambda:FunctionArn': [arnOf(`function:${STACK_NAME}-sink-task:lc-*`)] } };
const manageSinkMappings = [
  { Effect: 'Allow', Action: ['lambda:CreateAlias', 'lambda:DeleteAlias'], Resource: arnOf(`function:${STACK_NAME}-sink-task`) },
  { Effect: 'Allow', Action: ['lambda:CreateEventSourceMapping'], Resource: '*', Condition: invokesASinkAlias },
  { Effect: 'Allow', Action: ['lambda:DeleteEventSourceMapping', 'lambda:UpdateEventSourceMapping'], Resource: arnOf('event-source-mapping:*'), Condition: invokesASinkAlias },
  { Effect: 'Allow', Action: ['lambda:ListEventSourceMappings'], Resource: '*' },
];
const readWrite = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'];

describe('the stack holds exactly', () => {
  it('one table, five functions with their roles and log groups, one HTTP API with two routes, one schedule, one state machine', () => {
    const counts = Object.values(s.resources).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.Type]: (acc[r.Type] ?? 0) + 1 }), {});
    expect(counts).toEqual({
      'AWS::DynamoDB::Table': 1,
      'AWS::IAM::Role': 6,
      'AWS::IAM::Policy': 6,
      'AWS::Logs::LogGroup': 7,
      'AWS::Lambda::Function': 5,
      'AWS::Lambda::EventInvokeConfig': 2,
      'AWS::Lambda::Permission': 3,
      'AWS::ApiGatewayV2::Api': 1,
      'AWS::ApiGatewayV2::Integration': 1,
      'AWS::ApiGatewayV2::Route': 2,
      'AWS::ApiGatewayV2::Stage': 1,
      'AWS::Events::Rule': 1,
      'AWS::StepFunctions::StateMachine': 1,
      'AWS::CloudWatch::Dashboard': 1,
      'AWS::CloudWatch::Alarm': 7,
    });
  });
});

describe('the state table', () => {
  it('has the keys and index of stateTableDefinition, on demand, with PITR and deletion protection', () => {
    const def = stateTableDefinition('x');
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: def.KeySchema,
        AttributeDefinitions: Match.arrayWith(def.AttributeDefinitions!),
        GlobalSecondaryIndexes: def.GlobalSecondaryIndexes,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TableName: Match.absent(),
      },
    });
  });

  it('declares exactly the definition attributes', () => {
    const [, table] = ofType(s.resources, 'AWS::DynamoDB::Table')[0]!;
    expect(table.Properties.AttributeDefinitions).toHaveLength(stateTableDefinition('x').AttributeDefinitions!.length);
  });

  it('drops deletion protection and retention only when the props say so', () => {
    const open = synthStack({ table: { deletionProtection: false, removalPolicy: RemovalPolicy.DESTROY } });
    open.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: { DeletionProtectionEnabled: false } });
  });
});

describe('every manifest function', () => {
  it.each(FUNCTION_IDS)('%s has the manifest runtime, architecture, handler, timeout, memory, tracing and name', (id) => {
    const spec = FUNCTIONS[id];
    const [, fn] = functionResource(s, id);
    expect(fn.Properties).toMatchObject({
      FunctionName: `${STACK_NAME}-${id}`,
      Runtime: spec.runtime,
      Architectures: [spec.architecture],
      Handler: `index.${spec.handler}`,
      Timeout: spec.timeoutSeconds,
      MemorySize: spec.memoryMb,
      TracingConfig: { Mode: 'Active' },
      Description: spec.description,
    });
    expect(fn.Properties.VpcConfig).toBeUndefined();
  });

  it.each(FUNCTION_IDS)('%s logs to its own log group with 30 days retention', (id) => {
    expect(s.resources[logGroupOf(id)]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 }, DeletionPolicy: 'Delete' });
  });

  it.each(FUNCTION_IDS)('%s gets every literal and bound variable of the manifest, and no Kafka variable without Kafka', (id) => {
    const env = (functionResource(s, id)[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    const expected = Object.entries(FUNCTIONS[id].environment).filter(([, v]) => !('bind' in v && v.optional));
    expect(Object.keys(env).sort()).toEqual(expected.map(([k]) => k).sort());
    for (const [name, value] of expected) if ('value' in value) expect(env[name]).toBe(value.value);
    expect(env.LAMBDA_CONNECT_TABLE).toEqual({ Ref: tableId });
  });

  it('connect-api advertises the API host, so Location headers name the real URL', () => {
    const env = (functionResource(s, 'connect-api')[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.CONNECT_REST_ADVERTISED_HOST_NAME).toEqual({
      'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
    });
  });

  it('the functions that manage or disable sink mappings name the sink-task function (its aliases are the mappings targets)', () => {
    for (const id of ['connect-api', 'restart-step', 'sink-task', 'source-dispatcher'] as const) {
      const env = (functionResource(s, id)[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.SINK_TASK_FUNCTION, id).toBe(`${STACK_NAME}-sink-task`);
    }
  });

  it('the source functions name the source-task function', () => {
    for (const id of ['source-dispatcher', 'source-task'] as const) {
      const env = (functionResource(s, id)[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.SOURCE_TASK_FUNCTION).toBe(`${STACK_NAME}-source-task`);
    }
  });

  it('asynchronous ones are not retried by Lambda and drop events older than a minute', () => {
    for (const id of FUNCTION_IDS.filter((f) => FUNCTIONS[f].asyncInvoke)) {
      s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionResource(s, id)[0] },
        MaximumRetryAttempts: 0,
        MaximumEventAgeInSeconds: 60,
      });
    }
  });
});

describe('IAM: each role holds exactly what its function does', () => {
  const logs = (id: keyof typeof FUNCTIONS) => ({ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupOf(id), 'Arn'] } });
  const xray = { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' };
  const invokeTask = { Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: functionArnByName(`${STACK_NAME}-source-task`) };

  it('connect-api: its logs, X-Ray, read/write on the table and its index, starting the restart state machine, managing the sink-task aliases and their mappings', () => {
    const [stateMachine] = ofType(s.resources, 'AWS::StepFunctions::StateMachine').map(([id]) => id);
    expect(roleStatements(s, 'connect-api')).toEqual([
      logs('connect-api'),
      xray,
      { Effect: 'Allow', Action: readWrite, Resource: [tableArn, indexArn] },
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: { Ref: stateMachine } },
      ...manageSinkMappings,
    ]);
  });

  it('restart-step: read/write on the table, invoking source-task, managing the sink mappings of a restarted connector', () => {
    expect(roleStatements(s, 'restart-step')).toEqual([logs('restart-step'), xray, { Effect: 'Allow', Action: readWrite, Resource: [tableArn, indexArn] }, invokeTask, ...manageSinkMappings]);
  });

  it('sink-task: read/write on the table, and only listing and updating (disabling) the mappings of its aliases', () => {
    expect(roleStatements(s, 'sink-task')).toEqual([
      logs('sink-task'),
      xray,
      { Effect: 'Allow', Action: readWrite, Resource: [tableArn, indexArn] },
      { Effect: 'Allow', Action: ['lambda:UpdateEventSourceMapping'], Resource: arnOf('event-source-mapping:*'), Condition: invokesASinkAlias },
      { Effect: 'Allow', Action: ['lambda:ListEventSourceMappings'], Resource: '*' },
    ]);
  });

  it('source-dispatcher: reads and writes the table (task statuses after a reconcile), invokes only the source-task function (unqualified), reconciles the sink mappings', () => {
    expect(roleStatements(s, 'source-dispatcher')).toEqual([
      logs('source-dispatcher'),
      xray,
      { Effect: 'Allow', Action: readWrite, Resource: [tableArn, indexArn] },
      invokeTask,
      ...manageSinkMappings,
    ]);
  });

  it('source-task: read/write on the table and invoking itself for continuation windows', () => {
    expect(roleStatements(s, 'source-task')).toEqual([logs('source-task'), xray, { Effect: 'Allow', Action: readWrite, Resource: [tableArn, indexArn] }, invokeTask]);
  });

  it('function roles trust only Lambda and carry no managed policy without a VPC', () => {
    const stateMachineRoles = ofType(s.resources, 'AWS::StepFunctions::StateMachine').map(([, sm]) => JSON.stringify(sm.Properties.RoleArn));
    for (const [, role] of ofType(s.resources, 'AWS::IAM::Role').filter(([id]) => !stateMachineRoles.some((ref) => ref.includes(`"${id}"`)))) {
      expect(role.Properties.AssumeRolePolicyDocument).toEqual({
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
        Version: '2012-10-17',
      });
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('no statement has a wildcard resource except X-Ray, listing mappings, and mapping calls conditioned on the sink-task aliases', () => {
    for (const id of FUNCTION_IDS) {
      for (const st of roleStatements(s, id) as Array<{ Action: string[]; Resource: unknown; Condition?: unknown }>) {
        if (!JSON.stringify(st.Resource).includes('*')) continue;
        if (st.Action.every((a) => a.endsWith('EventSourceMapping')) && st.Action.some((a) => a !== 'lambda:ListEventSourceMappings')) {
          expect(st.Condition).toEqual(invokesASinkAlias);
        } else {
          expect([xray.Action, ['lambda:ListEventSourceMappings']]).toContainEqual(st.Action);
        }
      }
    }
  });

  it('only API Gateway (this API) may invoke connect-api, only the schedule rule the dispatcher; nothing else has a resource policy', () => {
    const permissions = ofType(s.resources, 'AWS::Lambda::Permission').map(([, p]) => p.Properties);
    const fnArn = (id: keyof typeof FUNCTIONS) => ({ 'Fn::GetAtt': [functionResource(s, id)[0], 'Arn'] });
    expect(permissions.filter((p) => p.Principal === 'apigateway.amazonaws.com').map((p) => p.FunctionName)).toEqual([fnArn('connect-api'), fnArn('connect-api')]);
    for (const p of permissions.filter((p) => p.Principal === 'apigateway.amazonaws.com')) {
      expect(JSON.stringify(p.SourceArn)).toContain(JSON.stringify({ Ref: apiId }));
    }
    const events = permissions.filter((p) => p.Principal === 'events.amazonaws.com');
    expect(events).toEqual([
      { Action: 'lambda:InvokeFunction', FunctionName: fnArn('source-dispatcher'), Principal: 'events.amazonaws.com', SourceArn: { 'Fn::GetAtt': [logicalId('AWS::Events::Rule'), 'Arn'] } },
    ]);
  });
});

describe('the HTTP API', () => {
  it('routes / and every path below it, any method, to connect-api with IAM (SigV4) auth', () => {
    const routes = ofType(s.resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual([...HTTP_API.routes].sort());
    for (const route of routes) expect(route).toMatchObject({ AuthorizationType: 'AWS_IAM', ApiId: { Ref: apiId } });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [functionResource(s, 'connect-api')[0], 'Arn'] },
    });
  });

  it('auto-deploys one $default stage with JSON access logs to a log group', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] }, Format: JSON.stringify(HTTP_API.accessLogFormat) },
    });
  });

  it('is open (AuthorizationType NONE) only with the explicit confirmation', () => {
    const open = synthStack({ api: { auth: { kind: 'none', confirmOpenToAnyone: true } } });
    for (const [, route] of ofType(open.resources, 'AWS::ApiGatewayV2::Route')) expect(route.Properties.AuthorizationType).toBe('NONE');
    const unconfirmed = { kind: 'none', confirmOpenToAnyone: false } as unknown as { kind: 'none'; confirmOpenToAnyone: true };
    expect(() => synthStack({ api: { auth: unconfirmed } })).toThrow(/confirmOpenToAnyone/);
  });

  it('outputs its URL', () => {
    expect(s.template.toJSON().Outputs.ApiUrl.Value).toBeDefined();
  });
});

describe('basic auth (an HTTP API Lambda authorizer)', () => {
  const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users-AbCdEf';
  const b = synthStack({ api: { auth: { kind: 'basic', credentialsSecretArn: SECRET } } }, new App());
  const [authorizerId, authorizer] = ofType(b.resources, 'AWS::ApiGatewayV2::Authorizer')[0]!;
  const [fnId, fn] = ofType(b.resources, 'AWS::Lambda::Function').find(([, r]) => r.Properties.FunctionName === `${STACK_NAME}-basic-auth-authorizer`)!;

  it('is one REQUEST authorizer: payload 2.0, simple {isAuthorized} responses, the Authorization header as identity, cached 5 minutes', () => {
    expect(ofType(b.resources, 'AWS::ApiGatewayV2::Authorizer')).toHaveLength(1);
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: 300,
      AuthorizerUri: { 'Fn::Join': ['', expect.arrayContaining([{ 'Fn::GetAtt': [fnId, 'Arn'] }])] },
    });
  });

  it('guards every route', () => {
    const routes = ofType(b.resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual([...HTTP_API.routes].sort());
    for (const route of routes) expect(route).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
  });

  it('runs functions/basic-auth-authorizer.ts with the secret ARN and no table', () => {
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Timeout: 10, MemorySize: 256, TracingConfig: { Mode: 'Active' } });
    expect((fn.Properties.Environment as { Variables: unknown }).Variables).toEqual({ NODE_OPTIONS: '--enable-source-maps', LAMBDA_CONNECT_BASIC_AUTH_SECRET: SECRET });
    expect(fn.Properties.VpcConfig).toBeUndefined();
  });

  it('may read exactly the credentials secret, write its logs and traces, nothing else', () => {
    const logGroup = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(roleStatements(b, 'basic-auth-authorizer')).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroup, 'Arn'] } },
      { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' },
      { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: SECRET },
    ]);
  });

  it('may be invoked by this API\'s authorizer only', () => {
    const permissions = ofType(b.resources, 'AWS::Lambda::Permission').map(([, p]) => p.Properties).filter((p) => JSON.stringify(p.FunctionName).includes(fnId));
    expect(permissions).toEqual([
      {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', { Ref: apiIdOf(b) }, '/authorizers/', { Ref: authorizerId }]] },
      },
    ]);
  });

  it('is not deployed with IAM auth', () => {
    expect(ofType(s.resources, 'AWS::ApiGatewayV2::Authorizer')).toEqual([]);
    expect(ofType(s.resources, 'AWS::Lambda::Function').map(([, r]) => r.Properties.FunctionName)).not.toContain(`${STACK_NAME}-basic-auth-authorizer`);
  });
});

describe('the source schedule', () => {
  it('triggers the dispatcher every minute', () => {
    s.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionResource(s, 'source-dispatcher')[0], 'Arn'] } })],
    });
  });

  it('can be deployed disabled', () => {
    synthStack({ sourceSchedule: false }).template.hasResourceProperties('AWS::Events::Rule', { State: 'DISABLED' });
  });
});

describe('the manifest is enforced at synthesis', () => {
  const build = () => {
    const stack = new Stack(new App(), 'Partial');
    const table = new StateTable(stack, 'State');
    return { stack, table, fn: (spec: keyof typeof FUNCTIONS) => new ConnectFunction(stack, spec, { spec: FUNCTIONS[spec], table, code: 'stand-in' }) };
  };

  it('fails when a declared binding or invoke access was never provided', () => {
    const { stack, fn } = build();
    fn('source-dispatcher');
    expect(() => Template.fromStack(stack)).toThrow(/binding function\.source-task\.name was never bound[\s\S]*access\.invoke source-task was never granted/);
  });

  it('fails when declared sink mapping access was never granted', () => {
    const { stack, fn } = build();
    fn('sink-task');
    expect(() => Template.fromStack(stack)).toThrow(/sink-task: manifest access\.sinkMappings was never granted/);
  });

  it('refuses sink mapping access the manifest does not declare', () => {
    const { fn } = build();
    expect(() => fn('source-task').grantSinkMappingsOf(fn('sink-task'))).toThrow(/source-task may not manage event source mappings/);
  });

  it('refuses an invoke permission the manifest does not declare', () => {
    const { fn } = build();
    expect(() => fn('connect-api').grantInvokeOf(fn('source-task'))).toThrow(/connect-api may not invoke source-task/);
  });
});

describe('function names', () => {
  it('are <stack>-<function id>, shortened with a hash within the 64 characters Lambda allows', () => {
    expect(physicalFunctionName('LambdaConnect', 'source-task')).toBe('LambdaConnect-source-task');
    const long = physicalFunctionName('a'.repeat(80), 'source-dispatcher');
    expect(long).toHaveLength(64);
    expect(long).toMatch(/^a+-[0-9a-f]{8}-source-dispatcher$/);
    expect(physicalFunctionName('b'.repeat(80), 'source-dispatcher')).not.toBe(long);
  });
});
