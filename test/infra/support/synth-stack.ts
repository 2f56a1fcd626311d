/**
 * One synthesized LambdaConnectStack for template assertions: stand-in function code (no bundling;
 * bundling.test.ts proves the real bundles), an environment-agnostic stack, helpers to find resources.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FUNCTIONS, type FunctionId, type OptionalFunctionId } from '../../../infra/functions.manifest.ts';
import { LambdaConnectStack, type LambdaConnectStackProps } from '../../../infra/lambda-connect-stack.ts';

export interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface Synthesized {
  app: App;
  stack: LambdaConnectStack;
  template: Template;
  resources: Record<string, CfnResource>;
}

export const STACK_NAME = 'LambdaConnect';

export function synthStack(props: LambdaConnectStackProps = {}, app = new App()): Synthesized {
  const stack = new LambdaConnectStack(app, STACK_NAME, { code: 'stand-in', ...props });
  const template = Template.fromStack(stack);
  return { app, stack, template, resources: template.toJSON().Resources as Record<string, CfnResource> };
}

export function ofType(resources: Record<string, CfnResource>, type: string): Array<[string, CfnResource]> {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

/** The logical id and resource of the function built from manifest entry `id`. */
export function functionResource(s: Synthesized, id: FunctionId | OptionalFunctionId): [string, CfnResource] {
  const found = ofType(s.resources, 'AWS::Lambda::Function').find(([, r]) => r.Properties.FunctionName === `${STACK_NAME}-${id}`);
  if (!found) throw new Error(`No function ${id}`);
  return found;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of the policies attached to the function's role, actions as sorted arrays. */
export function roleStatements(s: Synthesized, id: FunctionId | OptionalFunctionId): Statement[] {
  const [, fn] = functionResource(s, id);
  const roleId = ((fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'])[0];
  return ofType(s.resources, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .map((st) => ({ ...st, Action: [st.Action].flat().sort() }));
}

export const FUNCTION_IDS = Object.keys(FUNCTIONS) as FunctionId[];
