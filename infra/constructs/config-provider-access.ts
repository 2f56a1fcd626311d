/**
 * What the `secretsmanager` and `ssm` config providers (docs/config-providers.md) may read. References
 * are resolved where connectors and tasks start and where configs are validated: the API function,
 * the source and sink task functions and the restart steps. Nothing is granted unless the stack is
 * given ARNs (patterns allowed, e.g. `arn:aws:secretsmanager:<region>:<account>:secret:connect/*`).
 */
import { Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';
import { PARAMETER_ACTIONS, SECRET_ACTIONS, kmsDecryptGrants } from '../secret-access.ts';

export interface ConfigProviderAccess {
  /** Secrets `${secretsmanager:...}` may read. */
  secretArns?: string[];
  /** Parameters `${ssm:...}` may read. */
  parameterArns?: string[];
  /** Customer-managed KMS keys (full key ARNs) those secrets / SecureString parameters are encrypted with:
   *  kms:Decrypt on exactly these keys, only via Secrets Manager or SSM in the key's region. */
  kmsKeyArns?: string[];
}

export { PARAMETER_ACTIONS, SECRET_ACTIONS };

export function grantConfigProviderAccess(grantees: ReadonlyArray<iam.IGrantable & IConstruct>, access: ConfigProviderAccess): void {
  const grants = [
    { actions: SECRET_ACTIONS, resources: access.secretArns ?? [] },
    { actions: PARAMETER_ACTIONS, resources: access.parameterArns ?? [] },
  ].filter(({ resources }) => resources.length > 0);
  const services = [...(access.secretArns?.length ? ['secretsmanager' as const] : []), ...(access.parameterArns?.length ? ['ssm' as const] : [])];
  if (access.kmsKeyArns?.length && services.length === 0) throw new Error('configProviders.kmsKeyArns without secretArns or parameterArns: nothing would be decrypted with them');
  for (const arn of access.kmsKeyArns ?? []) if (Token.isUnresolved(arn)) throw new Error('configProviders.kmsKeyArns: give literal key ARNs (the condition names the key\'s region)');
  const keys = services.length > 0 ? kmsDecryptGrants(access.kmsKeyArns ?? [], services) : [];
  for (const grantee of grantees) {
    for (const { actions, resources, condition } of keys) {
      grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources, conditions: condition }));
    }
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
