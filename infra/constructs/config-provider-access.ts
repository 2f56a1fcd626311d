/**
 * What the `secretsmanager` and `ssm` config providers (docs/config-providers.md) may read. References
 * are resolved where connectors and tasks start and where configs are validated: the API function,
 * the source and sink task functions and the restart steps. Nothing is granted unless the stack is
 * given ARNs (patterns allowed, e.g. `arn:aws:secretsmanager:<region>:<account>:secret:connect/*`).
 */
import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

export interface ConfigProviderAccess {
  /** Secrets `${secretsmanager:...}` may read. */
  secretArns?: string[];
  /** Parameters `${ssm:...}` may read. */
  parameterArns?: string[];
}

export const SECRET_ACTIONS = ['secretsmanager:GetSecretValue'];
export const PARAMETER_ACTIONS = ['ssm:GetParameter', 'ssm:GetParameters'];

export function grantConfigProviderAccess(grantees: ReadonlyArray<iam.IGrantable & IConstruct>, access: ConfigProviderAccess): void {
  const grants = [
    { actions: SECRET_ACTIONS, resources: access.secretArns ?? [] },
    { actions: PARAMETER_ACTIONS, resources: access.parameterArns ?? [] },
  ].filter(({ resources }) => resources.length > 0);
  for (const grantee of grantees) {
    for (const { actions, resources } of grants) {
      grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources }));
      for (const arn of resources.filter((r) => r.includes('*'))) {
        Validations.of(grantee).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(grantee).resolve(arn))}]`,
          reason: 'Config providers read the secrets and parameters connector configs reference; the deployer narrows them with this ARN pattern (configProviders prop).',
        });
      }
    }
  }
}
