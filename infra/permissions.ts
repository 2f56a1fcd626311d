/**
 * IAM actions per kind of access in the manifest, shared by the CDK constructs and serverless.yml so the
 * two deployments grant exactly the same. Resources are scoped by each deployer (the table and its index,
 * the cluster and its topics, one function).
 */
import type { KafkaAccess, SinkMappingAccess, TableAccess } from './functions.manifest.ts';

/** The DynamoDB calls `lib/store/dynamodb` makes; it never scans and never uses transactions. */
const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:Query'];
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export const TABLE_ACTIONS: Record<TableAccess, string[]> = {
  read: TABLE_READ,
  readWrite: [...TABLE_READ, ...TABLE_WRITE],
};

/** MSK IAM access control, on the cluster resource. */
export const KAFKA_CLUSTER_ACTIONS: Record<KafkaAccess, string[]> = {
  describe: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'],
  // The producer is idempotent (acks=all, enable.idempotence).
  produce: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'],
};

/** MSK IAM access control, on the topic resources (`topic/<cluster>/<uuid>/<topic>`). */
export const KAFKA_TOPIC_ACTIONS: Record<KafkaAccess, string[]> = {
  describe: ['kafka-cluster:DescribeTopic'],
  // CreateTopic: topic.creation.enable (KIP-158); the DLQ topic is produced to like any other.
  produce: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData', 'kafka-cluster:CreateTopic'],
};

/** A topic of an MSK cluster: `…:cluster/<name>/<uuid>` → `…:topic/<name>/<uuid>/<topic>` (`*`: every topic). */
export function mskTopicArn(clusterArn: string, topic: string): string {
  return `${clusterArn.replace(/:cluster\//, ':topic/')}/${topic}`;
}

/** SASL/SCRAM credentials or the mTLS client certificate of a self-managed cluster. */
export const KAFKA_SECRET_ACTIONS = ['secretsmanager:GetSecretValue'];

/** The basic-auth authorizer reading its users (only that one secret). */
export const BASIC_AUTH_SECRET_ACTIONS = ['secretsmanager:GetSecretValue'];

export const INVOKE_ACTIONS = ['lambda:InvokeFunction'];

/** connect-api starting a restart (only on the deployment's restart state machine). */
export const START_RESTART_ACTIONS = ['states:StartExecution'];

/** Writing the function's own log group. */
export const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** X-Ray has no resource-level permissions for these: `*` is the only resource. */
export const XRAY_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

/** AWS's managed policy for ENIs of functions in a VPC (ec2:*NetworkInterface* on `*`). */
export const VPC_ACCESS_MANAGED_POLICY = 'service-role/AWSLambdaVPCAccessExecutionRole';

/** MSK IAM access control on the sink connectors' consumer groups (`group/<cluster>/<uuid>/connect-*`):
 *  joining a group and committing its offsets (Kafka's READ and DESCRIBE on the group). */
export const KAFKA_GROUP_ACTIONS = ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'];

/** Reading records, and committing a group's offsets for a topic (Kafka's OffsetCommit needs READ on it). */
export const KAFKA_READ_TOPIC_ACTIONS = ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'];

/** The groups lambda-connect's sink mappings use: `connect-<name>` and `connect-<name>.<topic>`. */
export const SINK_GROUP_PATTERN = 'connect-*';

/** A group of an MSK cluster: `…:cluster/<name>/<uuid>` → `…:group/<name>/<uuid>/<group>`. */
export function mskGroupArn(clusterArn: string, group: string): string {
  return `${clusterArn.replace(/:cluster\//, ':group/')}/${group}`;
}

/** What an MSK event source mapping does with the function's role besides kafka-cluster:* (AWS's
 *  AWSLambdaMSKExecutionRole, narrowed to the one cluster): find the cluster and its brokers. */
export const MSK_ESM_CLUSTER_ACTIONS = ['kafka-cluster:DescribeClusterDynamicConfiguration', 'kafka:DescribeClusterV2', 'kafka:GetBootstrapBrokers'];

/** A Kafka event source mapping's pollers attach to the cluster's VPC (MSK always, self-managed in a VPC)
 *  through network interfaces made with the function's role; EC2 grants these on `*` only. */
export const ESM_NETWORK_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:DeleteNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
  'ec2:DescribeVpcs',
];

/** Every alias the sink runtime creates starts so (`aliasFor` in lib/runtime/sink/mapping-names.ts). */
export const SINK_ALIAS_PREFIX = 'lc-';

/**
 * Managing the sink-task function's aliases and event source mappings (lib/runtime/sink/mappings/
 * lambda-sink-mappings.ts). Lambda authorizes CreateEventSourceMapping on `*` and Update/Delete on the
 * mapping, each with the `lambda:FunctionArn` condition (the function the mapping invokes);
 * ListEventSourceMappings supports neither a resource nor a condition. Aliases: on the function.
 */
export const SINK_MAPPING_ACTIONS = {
  manage: {
    alias: ['lambda:CreateAlias', 'lambda:DeleteAlias'],
    create: ['lambda:CreateEventSourceMapping'],
    change: ['lambda:DeleteEventSourceMapping', 'lambda:UpdateEventSourceMapping'],
    list: ['lambda:ListEventSourceMappings'],
  },
  disable: {
    alias: [] as string[],
    create: [] as string[],
    change: ['lambda:UpdateEventSourceMapping'],
    list: ['lambda:ListEventSourceMappings'],
  },
} as const;

/** One policy statement as data, over the deployer's way of naming a resource (`R`). */
export interface PolicyPart<R> {
  actions: string[];
  resources: Array<R | '*'>;
  condition?: Record<string, Record<string, R[]>>;
}

/**
 * The statements of `access` over the sink-task function: `fn` its unqualified ARN, `aliases` the pattern
 * of its connector aliases (`<fn>:lc-*`), `mappings` every event source mapping ARN of the account and
 * region (narrowed by the condition to those invoking one of the aliases).
 */
export function sinkMappingPolicy<R>(access: SinkMappingAccess, arn: { fn: R; aliases: R; mappings: R }): Array<PolicyPart<R>> {
  const actions = SINK_MAPPING_ACTIONS[access];
  const invokesAnAlias = { ArnLike: { 'lambda:FunctionArn': [arn.aliases] } };
  const parts: Array<PolicyPart<R>> = [];
  if (actions.alias.length > 0) parts.push({ actions: [...actions.alias], resources: [arn.fn] });
  if (actions.create.length > 0) parts.push({ actions: [...actions.create], resources: ['*'], condition: invokesAnAlias });
  parts.push({ actions: [...actions.change], resources: [arn.mappings], condition: invokesAnAlias });
  parts.push({ actions: [...actions.list], resources: ['*'] });
  return parts;
}
