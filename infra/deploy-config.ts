/**
 * A deployment's settings as data: what `cdk.json` / `-c lambdaConnect=…` give the CDK app and what
 * serverless.yml's `custom.lambdaConnect` gives the Serverless bridge. One shape, one validator, so both
 * deployers accept and reject the same settings.
 */

export interface DeployConfig {
  /** CDK only: the stack name (default LambdaConnect). Serverless names its stack <service>-<stage>. */
  stackName?: string;
  /** `iam` (default): SigV4 on every route. `basic`: HTTP basic auth against the users in
   *  `basicAuthSecretArn` (a Lambda authorizer). `none` also needs `confirmOpenApi: true`. */
  apiAuth?: 'iam' | 'basic' | 'none';
  /** `basic`: the full ARN of the secret holding `{"username", "password"}` or `{"users": [...]}`. */
  basicAuthSecretArn?: string;
  confirmOpenApi?: boolean;
  /** Default true; set false (and deploy) before tearing down a stack whose table should be deleted. */
  tableDeletionProtection?: boolean;
  /** Default true; false deploys the source runners with their schedule disabled. */
  sourceSchedule?: boolean;
  kafka?: KafkaConfig;
  /** What `${secretsmanager:…}` / `${ssm:…}` references in connector configs may read (docs/config-providers.md). */
  configProviders?: ConfigProvidersConfig;
}

export interface ConfigProvidersConfig {
  /** Secret ARNs or patterns (`arn:aws:secretsmanager:<region>:<account>:secret:connect/*`). */
  secretArns?: string[];
  /** Parameter ARNs or patterns (`arn:aws:ssm:<region>:<account>:parameter/connect/*`). */
  parameterArns?: string[];
  /** Customer-managed KMS keys those secrets / SecureString parameters are encrypted with (full key ARNs). */
  kmsKeyArns?: string[];
}

export interface KafkaNetworkConfig {
  vpcId: string;
  subnetIds: string[];
  /** Default: one outbound-only security group per function (CDK); required by serverless.yml. */
  securityGroupIds?: string[];
}

export type KafkaConfig =
  | ({ kind: 'msk-iam'; clusterArn: string; bootstrapServers: string; topics?: string[] } & Partial<KafkaNetworkConfig>)
  | ({
      kind: 'self-managed';
      bootstrapServers: string;
      auth:
        | { mechanism: 'none' }
        /** `secretKmsKeyArn`: the customer-managed key the secret is encrypted with (MSK SCRAM requires one). */
        | { mechanism: 'scram-sha-256' | 'scram-sha-512' | 'mtls'; secretArn: string; secretKmsKeyArn?: string };
      /** TLS to the brokers (`KAFKA_TLS`); default as the runtime: on unless `auth.mechanism` is none. */
      tls?: boolean;
    } & Partial<KafkaNetworkConfig>);

/** `KAFKA_TLS` for a mechanism, as lib/kafka/auth/kafka-auth-settings.ts defaults it. */
export function kafkaTls(mechanism: string, tls: boolean | undefined): boolean {
  return tls ?? mechanism !== 'none';
}

const MECHANISMS = ['none', 'scram-sha-256', 'scram-sha-512', 'mtls'];

/** Accepts the parsed object or its JSON text (`cdk -c lambdaConnect='{…}'`). Throws with every problem. */
export function parseDeployConfig(input: unknown): DeployConfig {
  const config = (typeof input === 'string' ? JSON.parse(input) : (input ?? {})) as DeployConfig;
  const problems: string[] = [];
  if (config.apiAuth !== undefined && !['iam', 'basic', 'none'].includes(config.apiAuth)) problems.push(`apiAuth must be iam, basic or none, not ${String(config.apiAuth)}`);
  if (config.apiAuth === 'basic' && !/^arn:[^:]+:secretsmanager:[^:]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$/.test(config.basicAuthSecretArn ?? '')) {
    problems.push('apiAuth basic needs basicAuthSecretArn: the full ARN of a Secrets Manager secret (…:secret:<name>-<6 characters>)');
  }
  if (config.basicAuthSecretArn !== undefined && config.apiAuth !== 'basic') problems.push('basicAuthSecretArn is only used with apiAuth basic');
  if (config.apiAuth === 'none' && config.confirmOpenApi !== true) problems.push('apiAuth none opens the API to anyone: also set confirmOpenApi: true');
  const kafka = config.kafka;
  if (kafka) {
    if (!kafka.bootstrapServers) problems.push('kafka.bootstrapServers is required');
    if (kafka.kind === 'msk-iam') {
      if (!kafka.clusterArn) problems.push('kafka.clusterArn is required for msk-iam');
      if ((kafka as { tls?: unknown }).tls !== undefined) problems.push('kafka.tls is only for self-managed clusters: MSK IAM authentication is always over TLS');
    } else if (kafka.kind === 'self-managed') {
      if (!MECHANISMS.includes(kafka.auth?.mechanism)) problems.push(`kafka.auth.mechanism must be one of ${MECHANISMS.join(', ')}`);
      else if (kafka.auth.mechanism !== 'none' && !kafka.auth.secretArn) problems.push(`kafka.auth.secretArn is required for ${kafka.auth.mechanism}`);
      if (kafka.tls !== undefined && typeof kafka.tls !== 'boolean') problems.push(`kafka.tls must be true or false, not ${JSON.stringify(kafka.tls)}`);
      if (kafka.tls === false && kafka.auth?.mechanism === 'mtls') problems.push('kafka.tls cannot be false with mtls: it authenticates with a TLS client certificate');
      const keyArn = (kafka.auth as { secretKmsKeyArn?: unknown } | undefined)?.secretKmsKeyArn;
      if (keyArn !== undefined) {
        if (kafka.auth.mechanism === 'none') problems.push('kafka.auth.secretKmsKeyArn is only used with a secret (scram-sha-256, scram-sha-512, mtls)');
        else if (!isKmsKeyArn(keyArn)) problems.push(`kafka.auth.secretKmsKeyArn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>), not ${JSON.stringify(keyArn)}`);
      }
    } else {
      problems.push(`kafka.kind must be msk-iam or self-managed, not ${String((kafka as { kind?: unknown }).kind)}`);
    }
    if ((kafka.vpcId === undefined) !== (kafka.subnetIds === undefined)) problems.push('kafka.vpcId and kafka.subnetIds go together');
    if (kafka.subnetIds !== undefined && kafka.subnetIds.length === 0) problems.push('kafka.subnetIds is empty');
  }
  const providers = config.configProviders;
  if (providers !== undefined) {
    const lists = { secretArns: 'secretsmanager', parameterArns: 'ssm', kmsKeyArns: 'kms' } as const;
    for (const [key, service] of Object.entries(lists) as Array<[keyof ConfigProvidersConfig, string]>) {
      const list: unknown = providers[key];
      if (list === undefined) continue;
      const ok = Array.isArray(list) && list.every((arn) => (key === 'kmsKeyArns' ? isKmsKeyArn(arn) : typeof arn === 'string' && arn.startsWith(`arn:`) && arn.split(':')[2] === service));
      if (!ok) problems.push(`configProviders.${key} must be a list of ${service} ARNs${key === 'kmsKeyArns' ? ' (arn:aws:kms:<region>:<account>:key/<id>)' : ''}`);
    }
    if (providers.kmsKeyArns?.length && !providers.secretArns?.length && !providers.parameterArns?.length) problems.push('configProviders.kmsKeyArns needs secretArns or parameterArns: the keys are only used through them');
    const unknown = Object.keys(providers).filter((k) => !(k in lists));
    if (unknown.length > 0) problems.push(`configProviders has unknown keys: ${unknown.join(', ')} (secretArns, parameterArns, kmsKeyArns)`);
  }
  if (problems.length > 0) throw new Error(`Invalid lambda-connect deploy config:\n- ${problems.join('\n- ')}`);
  return config;
}

/** A full KMS key ARN (not an alias: IAM matches key policies and grants on the key ARN). */
export function isKmsKeyArn(value: unknown): value is string {
  return typeof value === 'string' && /^arn:[^:]+:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/.test(value);
}
