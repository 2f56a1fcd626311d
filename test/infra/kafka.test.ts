import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/deploy-config.ts';
import { stackPropsFromConfig } from '../../infra/lambda-connect-stack.ts';
import { KafkaConnection, mskTopicArns } from '../../infra/constructs/kafka-connection.ts';
import { functionResource, ofType, roleStatements, synthStack, type Synthesized } from './support/synth-stack.ts';

const CLUSTER = 'arn:aws:kafka:eu-west-1:123456789012:cluster/orders/0a1b2c3d-1111-2222-3333-444455556666-7';
const TOPICS = 'arn:aws:kafka:eu-west-1:123456789012:topic/orders/0a1b2c3d-1111-2222-3333-444455556666-7';
const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_connect-AbCdEf';
const BROKERS = 'b-1.orders.kafka.eu-west-1.amazonaws.com:9098,b-2.orders.kafka.eu-west-1.amazonaws.com:9098';

const fromConfig = (config: unknown): Synthesized => synthStack(stackPropsFromConfig(parseDeployConfig(config)), new App());

type Fn = 'connect-api' | 'source-dispatcher' | 'source-task' | 'sink-task' | 'restart-step';
const GROUPS = 'arn:aws:kafka:eu-west-1:123456789012:group/orders/0a1b2c3d-1111-2222-3333-444455556666-7/connect-*';
const ESM_NETWORK = ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs'];
const env = (s: Synthesized, id: Fn) =>
  (functionResource(s, id)[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
const kafkaStatements = (s: Synthesized, id: Fn) =>
  roleStatements(s, id).filter((st) => (st.Action as string[]).some((a) => /^(kafka-cluster|kafka|secretsmanager|ec2):/.test(a)));

describe('MSK with IAM auth, in a VPC (from the deploy config)', () => {
  const s = fromConfig({
    kafka: { kind: 'msk-iam', clusterArn: CLUSTER, bootstrapServers: BROKERS, vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'], securityGroupIds: ['sg-0123456789abcdef0'] },
  });

  it('connect-api may connect and describe the cluster and its topics, and commit the sink connectors\' groups (KIP-875), nothing more', () => {
    expect(kafkaStatements(s, 'connect-api')).toEqual([
      { Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], Resource: CLUSTER },
      { Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic'], Resource: `${TOPICS}/*` },
      { Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], Resource: `${TOPICS}/*` },
      { Effect: 'Allow', Action: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], Resource: GROUPS },
    ]);
  });

  it('sink-task may do what its event source mappings do with its role (AWS\'s MSK execution role, on this cluster) and write to DLQ topics', () => {
    expect(kafkaStatements(s, 'sink-task')).toEqual([
      { Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'], Resource: CLUSTER },
      { Effect: 'Allow', Action: ['kafka-cluster:CreateTopic', 'kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], Resource: `${TOPICS}/*` },
      { Effect: 'Allow', Action: ['kafka-cluster:DescribeClusterDynamicConfiguration', 'kafka:DescribeClusterV2', 'kafka:GetBootstrapBrokers'], Resource: CLUSTER },
      { Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], Resource: `${TOPICS}/*` },
      { Effect: 'Allow', Action: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], Resource: GROUPS },
      { Effect: 'Allow', Action: ESM_NETWORK, Resource: '*' },
    ]);
  });

  it('restart-step may describe the cluster (topics.regex) and commit the sink groups (a topic moved to its own group keeps its progress)', () => {
    expect(kafkaStatements(s, 'restart-step')).toEqual([
      { Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], Resource: CLUSTER },
      { Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic'], Resource: `${TOPICS}/*` },
      { Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], Resource: `${TOPICS}/*` },
      { Effect: 'Allow', Action: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], Resource: GROUPS },
    ]);
  });

  it.each(['connect-api', 'restart-step', 'sink-task', 'source-dispatcher'] as const)('%s: mappings are created on the MSK cluster ARN, no subnets or security groups', (id) => {
    expect(env(s, id)).toMatchObject({ KAFKA_CLUSTER_ARN: CLUSTER, SINK_TASK_FUNCTION: 'LambdaConnect-sink-task' });
    expect(env(s, id).KAFKA_SUBNET_IDS).toBeUndefined();
    expect(env(s, id).KAFKA_SECURITY_GROUP_IDS).toBeUndefined();
  });

  it('source-task may also write idempotently and create topics, on this cluster only', () => {
    expect(kafkaStatements(s, 'source-task')).toEqual([
      { Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'], Resource: CLUSTER },
      { Effect: 'Allow', Action: ['kafka-cluster:CreateTopic', 'kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], Resource: `${TOPICS}/*` },
    ]);
  });

  it('the dispatcher may describe the cluster (its sink reconcile lists topics for topics.regex) and commit the sink groups, in the VPC', () => {
    expect(kafkaStatements(s, 'source-dispatcher')).toEqual([
      { Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], Resource: CLUSTER },
      { Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic'], Resource: `${TOPICS}/*` },
      { Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], Resource: `${TOPICS}/*` },
      { Effect: 'Allow', Action: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], Resource: GROUPS },
    ]);
    expect(env(s, 'source-dispatcher')).toMatchObject({ KAFKA_BROKERS: BROKERS, KAFKA_CLUSTER_ARN: CLUSTER, SINK_TASK_FUNCTION: 'LambdaConnect-sink-task' });
    expect(functionResource(s, 'source-dispatcher')[1].Properties.VpcConfig).toEqual({ SubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'], SecurityGroupIds: ['sg-0123456789abcdef0'] });
  });

  it.each(['connect-api', 'source-task', 'sink-task', 'restart-step'] as const)('%s gets the brokers and the auth mode', (id) => {
    expect(env(s, id)).toMatchObject({ KAFKA_BROKERS: BROKERS, KAFKA_AUTH: 'msk-iam' });
    expect(env(s, id).KAFKA_SECRET_ARN).toBeUndefined();
  });

  it.each(['connect-api', 'source-task', 'sink-task'] as const)('%s runs in the given subnets and security groups, with the VPC access policy', (id) => {
    const [, fn] = functionResource(s, id);
    expect(fn.Properties.VpcConfig).toEqual({ SubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'], SecurityGroupIds: ['sg-0123456789abcdef0'] });
    const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
    expect(s.resources[roleId]!.Properties.ManagedPolicyArns).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']] },
    ]);
  });

  it('creates no security group when the config names them', () => {
    expect(ofType(s.resources, 'AWS::EC2::SecurityGroup')).toEqual([]);
  });
});

describe('MSK topics narrowed by the config', () => {
  const s = fromConfig({ kafka: { kind: 'msk-iam', clusterArn: CLUSTER, bootstrapServers: BROKERS, topics: ['orders', 'orders-dlq'] } });

  it('grants exactly the listed topics', () => {
    expect(kafkaStatements(s, 'source-task')[1]!.Resource).toEqual([`${TOPICS}/orders`, `${TOPICS}/orders-dlq`]);
    expect(functionResource(s, 'source-task')[1].Properties.VpcConfig).toBeUndefined();
  });

  it('lets sink-task read only the listed topics, and still attach its mappings to the cluster\'s network (MSK is always in a VPC)', () => {
    const statements = kafkaStatements(s, 'sink-task');
    expect(statements).toContainEqual({ Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], Resource: [`${TOPICS}/orders`, `${TOPICS}/orders-dlq`] });
    expect(statements).toContainEqual({ Effect: 'Allow', Action: ESM_NETWORK, Resource: '*' });
  });
});

describe('self-managed Kafka with SASL/SCRAM', () => {
  const s = fromConfig({ kafka: { kind: 'self-managed', bootstrapServers: 'kafka-1:9096', auth: { mechanism: 'scram-sha-512', secretArn: SECRET } } });

  it.each(['connect-api', 'source-task', 'sink-task'] as const)('%s may read exactly the credentials secret and gets its ARN', (id) => {
    expect(kafkaStatements(s, id)).toEqual([{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: SECRET }]);
    expect(env(s, id)).toMatchObject({ KAFKA_BROKERS: 'kafka-1:9096', KAFKA_AUTH: 'scram-sha-512', KAFKA_SECRET_ARN: SECRET });
  });

  it('the dispatcher may read it too (its reconcile lists topics), and nothing else of Kafka', () => {
    expect(kafkaStatements(s, 'source-dispatcher')).toEqual([{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: SECRET }]);
  });

  it('mappings are self-managed (no cluster ARN), without a VPC no network interfaces', () => {
    expect(env(s, 'connect-api').KAFKA_CLUSTER_ARN).toBeUndefined();
    expect(env(s, 'connect-api').KAFKA_SUBNET_IDS).toBeUndefined();
    expect(kafkaStatements(s, 'sink-task').flatMap((st) => st.Action)).not.toContain('ec2:CreateNetworkInterface');
  });
});

describe('self-managed Kafka in a VPC', () => {
  const s = fromConfig({
    kafka: { kind: 'self-managed', bootstrapServers: 'kafka-1:9096', auth: { mechanism: 'mtls', secretArn: SECRET }, vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'] },
  });
  const [sinkTaskGroup] = ofType(s.resources, 'AWS::EC2::SecurityGroup').filter(([id]) => id.startsWith('SinksTask'));

  it.each(['connect-api', 'restart-step', 'sink-task', 'source-dispatcher'] as const)('%s creates mappings polling from the sink-task function\'s subnets and security group', (id) => {
    expect(env(s, id).KAFKA_SUBNET_IDS).toBe('subnet-0aaaaaaaaaaaaaaa1,subnet-0bbbbbbbbbbbbbbb2');
    expect(env(s, id).KAFKA_SECURITY_GROUP_IDS).toEqual({ 'Fn::GetAtt': [sinkTaskGroup![0], 'GroupId'] });
  });

  it('sink-task may make the mappings\' network interfaces', () => {
    expect(kafkaStatements(s, 'sink-task')).toContainEqual({ Effect: 'Allow', Action: ESM_NETWORK, Resource: '*' });
  });
});

describe('the Kafka props', () => {
  it('reject an ARN that is not an MSK cluster', () => {
    expect(() => new KafkaConnection({ kind: 'msk-iam', clusterArn: 'arn:aws:kafka:eu-west-1:1:topic/x/y/z', bootstrapServers: BROKERS })).toThrow(/not an MSK cluster ARN/);
  });

  it('derive topic ARNs from the cluster ARN', () => {
    expect(mskTopicArns({ kind: 'msk-iam', clusterArn: CLUSTER, bootstrapServers: BROKERS })).toEqual([`${TOPICS}/*`]);
  });
});

describe('the deploy config', () => {
  it('accepts JSON text as given on the command line', () => {
    expect(parseDeployConfig('{"apiAuth":"iam"}')).toEqual({ apiAuth: 'iam' });
  });

  it.each([
    [{ apiAuth: 'none' }, /confirmOpenApi/],
    [{ apiAuth: 'basic' }, /apiAuth basic needs basicAuthSecretArn/],
    [{ apiAuth: 'basic', basicAuthSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users' }, /full ARN/],
    [{ apiAuth: 'iam', basicAuthSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users-AbCdEf' }, /only used with apiAuth basic/],
    [{ apiAuth: 'ldap' }, /apiAuth must be iam, basic or none/],
    [{ kafka: { kind: 'msk-iam', bootstrapServers: BROKERS } }, /clusterArn is required/],
    [{ kafka: { kind: 'self-managed', bootstrapServers: 'k:9092', auth: { mechanism: 'scram-sha-512' } } }, /secretArn is required/],
    [{ kafka: { kind: 'self-managed', bootstrapServers: 'k:9092', auth: { mechanism: 'plain' } } }, /mechanism must be one of/],
    [{ kafka: { kind: 'confluent', bootstrapServers: 'k:9092' } }, /kind must be msk-iam or self-managed/],
    [{ kafka: { kind: 'msk-iam', clusterArn: CLUSTER, bootstrapServers: BROKERS, vpcId: 'vpc-1' } }, /vpcId and kafka.subnetIds go together/],
  ])('rejects %j', (config, message) => {
    expect(() => parseDeployConfig(config)).toThrow(message);
  });

  it('guards every route with the basic-auth authorizer with apiAuth basic', () => {
    const s = fromConfig({ apiAuth: 'basic', basicAuthSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users-AbCdEf' });
    expect(ofType(s.resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.AuthorizationType)).toEqual(['CUSTOM', 'CUSTOM']);
  });

  it('opens the API only with apiAuth none and confirmOpenApi', () => {
    const s = fromConfig({ apiAuth: 'none', confirmOpenApi: true });
    expect(ofType(s.resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.AuthorizationType)).toEqual(['NONE', 'NONE']);
  });
});

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ALL: Fn[] = ['connect-api', 'source-dispatcher', 'source-task', 'sink-task', 'restart-step'];
const kmsStatements = (s: Synthesized, id: Fn) => roleStatements(s, id).filter((st) => (st.Action as string[]).some((a) => a.startsWith('kms:')));

describe('KAFKA_TLS, bound on every function that has KAFKA_AUTH', () => {
  it.each([
    ['MSK IAM', { kind: 'msk-iam', clusterArn: CLUSTER, bootstrapServers: BROKERS }, 'true'],
    ['SCRAM, default', { kind: 'self-managed', bootstrapServers: 'k:9096', auth: { mechanism: 'scram-sha-512', secretArn: SECRET } }, 'true'],
    ['SCRAM over plaintext (SASL_PLAINTEXT)', { kind: 'self-managed', bootstrapServers: 'k:9092', auth: { mechanism: 'scram-sha-256', secretArn: SECRET }, tls: false }, 'false'],
    ['no auth, default', { kind: 'self-managed', bootstrapServers: 'k:9092', auth: { mechanism: 'none' } }, 'false'],
    ['no auth over TLS', { kind: 'self-managed', bootstrapServers: 'k:9094', auth: { mechanism: 'none' }, tls: true }, 'true'],
    ['mTLS', { kind: 'self-managed', bootstrapServers: 'k:9094', auth: { mechanism: 'mtls', secretArn: SECRET } }, 'true'],
  ])('%s: KAFKA_TLS=%s', (_name, kafka, tls) => {
    const s = fromConfig({ kafka });
    for (const id of ALL) expect(env(s, id), id).toMatchObject({ KAFKA_AUTH: expect.any(String), KAFKA_TLS: tls });
  });

  it('is unset with no Kafka configured, as KAFKA_AUTH is', () => {
    const s = synthStack();
    for (const id of ALL) expect(Object.keys(env(s, id)).filter((k) => k === 'KAFKA_AUTH' || k === 'KAFKA_TLS'), id).toEqual([]);
  });

  it('the stack props reject mTLS without TLS', () => {
    expect(() => new KafkaConnection({ kind: 'self-managed', bootstrapServers: 'k:9094', auth: { mechanism: 'mtls', secretArn: SECRET }, tls: false })).toThrow(/tls cannot be false with mtls/);
  });
});

describe('a Kafka secret encrypted with a customer-managed KMS key', () => {
  const decrypt = { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: KEY, Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } };

  it.each(['scram-sha-512', 'mtls'])('%s: every function granted the secret (sink-task, whose role the mappings use, too) may decrypt with exactly that key, via Secrets Manager only', (mechanism) => {
    const s = fromConfig({ kafka: { kind: 'self-managed', bootstrapServers: 'k:9096', auth: { mechanism, secretArn: SECRET, secretKmsKeyArn: KEY } } });
    for (const id of ALL) {
      expect(kafkaStatements(s, id), id).toContainEqual({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: SECRET });
      expect(kmsStatements(s, id), id).toEqual([decrypt]);
    }
  });

  it('grants no KMS access without the key', () => {
    const s = fromConfig({ kafka: { kind: 'self-managed', bootstrapServers: 'k:9096', auth: { mechanism: 'scram-sha-512', secretArn: SECRET } } });
    for (const id of ALL) expect(kmsStatements(s, id), id).toEqual([]);
  });
});

describe('the deploy config: TLS, KMS keys and config providers', () => {
  it.each([
    [{ kafka: { kind: 'self-managed', bootstrapServers: 'k:9094', auth: { mechanism: 'mtls', secretArn: SECRET }, tls: false } }, /tls cannot be false with mtls/],
    [{ kafka: { kind: 'self-managed', bootstrapServers: 'k:9094', auth: { mechanism: 'none' }, tls: 'yes' } }, /kafka.tls must be true or false/],
    [{ kafka: { kind: 'msk-iam', clusterArn: CLUSTER, bootstrapServers: BROKERS, tls: false } }, /only for self-managed/],
    [{ kafka: { kind: 'self-managed', bootstrapServers: 'k:9096', auth: { mechanism: 'scram-sha-512', secretArn: SECRET, secretKmsKeyArn: 'alias/kafka' } } }, /secretKmsKeyArn must be a KMS key ARN/],
    [{ kafka: { kind: 'self-managed', bootstrapServers: 'k:9092', auth: { mechanism: 'none', secretKmsKeyArn: KEY } } }, /only used with a secret/],
    [{ configProviders: { secretArns: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:x' } }, /secretArns must be a list of secretsmanager ARNs/],
    [{ configProviders: { parameterArns: ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:x'] } }, /parameterArns must be a list of ssm ARNs/],
    [{ configProviders: { secretArns: ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:x'], kmsKeyArns: ['alias/x'] } }, /kmsKeyArns must be a list of kms ARNs/],
    [{ configProviders: { kmsKeyArns: [KEY] } }, /kmsKeyArns needs secretArns or parameterArns/],
    [{ configProviders: { secretArn: ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:x'] } }, /unknown keys: secretArn/],
  ])('rejects %j', (config, message) => {
    expect(() => parseDeployConfig(config)).toThrow(message);
  });

  it('passes configProviders to the stack', () => {
    const secrets = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect/*';
    const s = fromConfig({ configProviders: { secretArns: [secrets], kmsKeyArns: [KEY] } });
    expect(roleStatements(s, 'source-task')).toEqual(expect.arrayContaining([
      { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: secrets },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: KEY, Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } },
    ]));
  });
});
