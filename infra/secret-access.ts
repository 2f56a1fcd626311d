/**
 * The actions of the config providers (docs/config-providers.md), and kms:Decrypt for secrets and parameters encrypted with a customer-managed key, used by both deployers.
 * Granted only through the service that holds the value (`kms:ViaService`), in the key's own region:
 * Secrets Manager and SSM require the key in the same region as the secret or parameter.
 */

/** `${secretsmanager:…}` and `${ssm:…}` references. */
export const SECRET_ACTIONS = ['secretsmanager:GetSecretValue'];
export const PARAMETER_ACTIONS = ['ssm:GetParameter', 'ssm:GetParameters'];

export const KMS_DECRYPT_ACTIONS = ['kms:Decrypt'];

/** `<service>.<region>.amazonaws.com` (`.amazonaws.com.cn` in China) for a literal key ARN. */
export function kmsViaService(service: 'secretsmanager' | 'ssm', keyArn: string): string {
  const [, partition = 'aws', , region = ''] = keyArn.split(':');
  return `${service}.${region}.amazonaws.com${partition === 'aws-cn' ? '.cn' : ''}`;
}

/** The statement parts (deployer-neutral): decrypt `keyArns` only when `services` ask KMS on the caller's behalf. */
export function kmsDecryptGrants(keyArns: readonly string[], services: ReadonlyArray<'secretsmanager' | 'ssm'>): Array<{ actions: string[]; resources: string[]; condition: Record<string, Record<string, string | string[]>> }> {
  return keyArns.map((keyArn) => {
    const via = services.map((service) => kmsViaService(service, keyArn));
    return { actions: KMS_DECRYPT_ACTIONS, resources: [keyArn], condition: { StringEquals: { 'kms:ViaService': via.length === 1 ? via[0]! : via } } };
  });
}
