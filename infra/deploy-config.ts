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
        | { mechanism: 'scram-sha-256' | 'scram-sha-512' | 'mtls'; secretArn: string };
    } & Partial<KafkaNetworkConfig>);

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
    } else if (kafka.kind === 'self-managed') {
      if (!MECHANISMS.includes(kafka.auth?.mechanism)) problems.push(`kafka.auth.mechanism must be one of ${MECHANISMS.join(', ')}`);
      else if (kafka.auth.mechanism !== 'none' && !kafka.auth.secretArn) problems.push(`kafka.auth.secretArn is required for ${kafka.auth.mechanism}`);
    } else {
      problems.push(`kafka.kind must be msk-iam or self-managed, not ${String((kafka as { kind?: unknown }).kind)}`);
    }
    if ((kafka.vpcId === undefined) !== (kafka.subnetIds === undefined)) problems.push('kafka.vpcId and kafka.subnetIds go together');
    if (kafka.subnetIds !== undefined && kafka.subnetIds.length === 0) problems.push('kafka.subnetIds is empty');
  }
  if (problems.length > 0) throw new Error(`Invalid lambda-connect deploy config:\n- ${problems.join('\n- ')}`);
  return config;
}
