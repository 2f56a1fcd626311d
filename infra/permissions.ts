/**
 * IAM actions per kind of access in the manifest, shared by the CDK constructs and serverless.yml so the
 * two deployments grant exactly the same. Resources are scoped by each deployer (the table and its index,
 * the cluster and its topics, one function).
 */
import type { KafkaAccess, TableAccess } from './functions.manifest.ts';

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

export const INVOKE_ACTIONS = ['lambda:InvokeFunction'];

/** connect-api starting a restart (only on the deployment's restart state machine). */
export const START_RESTART_ACTIONS = ['states:StartExecution'];

/** Writing the function's own log group. */
export const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** X-Ray has no resource-level permissions for these: `*` is the only resource. */
export const XRAY_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

/** AWS's managed policy for ENIs of functions in a VPC (ec2:*NetworkInterface* on `*`). */
export const VPC_ACCESS_MANAGED_POLICY = 'service-role/AWSLambdaVPCAccessExecutionRole';
