/**
 * The deployed restart state machine is the one standalone mode runs: the same states and the same
 * transitions as `restartDefinition`, every Task state invoking restart-step; the state machine may
 * invoke only that function, and only connect-api may start it.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_STEP_FUNCTION_ARN } from '#lib/runtime/restart/local-restart-executions';
import { restartDefinition, TASK_STATES, transitionsOf, type AslDefinition } from '#lib/runtime/restart/restart-definition';
import { serverlessContext, serverlessResources } from '../../infra/serverless/serverless-config.ts';
import { functionResource, ofType, roleStatements, synthStack } from './support/synth-stack.ts';

const s = synthStack();
const [[smId, stateMachine] = []] = ofType(s.resources, 'AWS::StepFunctions::StateMachine');
const [stepFnId] = functionResource(s, 'restart-step');

/** The deployed definition, with every CloudFormation reference replaced by the logical id it names. */
function deployedDefinition(): AslDefinition {
  const body = stateMachine!.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] };
  const text = body['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : `ref:${JSON.stringify(part).match(/"([A-Za-z0-9]+)"/)?.[1]}`)).join('');
  return JSON.parse(text) as AslDefinition;
}

describe('the restart state machine in the CDK app', () => {
  const deployed = deployedDefinition();
  const local = restartDefinition(LOCAL_STEP_FUNCTION_ARN);

  it('has the same states, of the same types, as the definition standalone mode runs', () => {
    const types = (d: AslDefinition) => Object.fromEntries(Object.entries(d.States).map(([name, state]) => [name, state.Type]));
    expect(types(deployed)).toEqual(types(local));
    expect(deployed.StartAt).toBe(local.StartAt);
  });

  it('has the same transitions, retries and catches', () => {
    expect(transitionsOf(deployed)).toEqual(transitionsOf(local));
    const policies = (d: AslDefinition) => Object.fromEntries(Object.entries(d.States).map(([name, state]) => [name, { Retry: state.Retry, Catch: state.Catch, Choices: state.Choices }]));
    expect(policies(deployed)).toEqual(policies(local));
  });

  it('is the local definition exactly, but for the function every Task state invokes', () => {
    expect(JSON.stringify(deployed).replaceAll(`ref:${stepFnId}`, LOCAL_STEP_FUNCTION_ARN)).toBe(JSON.stringify(local));
    for (const name of Object.keys(TASK_STATES)) expect(deployed.States[name]?.Resource).toBe(`ref:${stepFnId}`);
  });

  it('may invoke the restart-step function only, unqualified', () => {
    const roleId = (stateMachine!.Properties.RoleArn as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
    const statements = ofType(s.resources, 'AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Array<{ Action: unknown; Resource: unknown }> }).Statement);
    const invokes = statements.filter((st) => JSON.stringify(st.Action).includes('lambda:'));
    expect(invokes).toEqual([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [stepFnId, 'Arn'] } }]);
  });

  it('logs every event and traces with X-Ray', () => {
    expect(stateMachine!.Properties).toMatchObject({ StateMachineType: 'STANDARD', TracingConfiguration: { Enabled: true }, LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false } });
  });

  it('may be started by connect-api only', () => {
    const starters = ['connect-api', 'source-dispatcher', 'source-task', 'restart-step'].filter((id) =>
      roleStatements(s, id as 'connect-api').some((st) => JSON.stringify(st.Action).includes('states:StartExecution') && JSON.stringify(st.Resource) === JSON.stringify({ Ref: smId })),
    );
    expect(starters).toEqual(['connect-api']);
  });
});

describe('the restart state machine in serverless.yml', () => {
  const resources = serverlessResources(serverlessContext('lambda-connect', 'dev', {})).Resources as Record<string, { Properties: Record<string, unknown> }>;
  const properties = resources.RestartStateMachine!.Properties;

  it('is the local definition exactly, with the restart-step function substituted', () => {
    expect(JSON.parse(String(properties.DefinitionString))).toEqual(restartDefinition('${RestartStepArn}'));
    expect(JSON.stringify(properties.DefinitionSubstitutions)).toContain(':function:lambda-connect-dev-restart-step');
  });

  it('traces with X-Ray and logs every event, as the CDK state machine does', () => {
    expect(properties).toMatchObject({ StateMachineType: 'STANDARD', TracingConfiguration: { Enabled: true }, LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false } });
  });
});
