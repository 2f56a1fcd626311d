/**
 * lambda-connect in one stack: the state table, the REST API and its function, the source runners.
 * Each concern is its own construct; this class only wires them from the manifest and the props.
 * RestartStateMachine: restarts as Step Functions executions (connect-api may start only it).
 * SinkRunners: the sink-task function; connect-api and the restart steps manage its mappings.
 * Seams for later issues: Operations (dashboard, alarms on FAILED tasks and DLQ growth).
 */
import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ConnectApi, type ApiAuth } from './constructs/connect-api.ts';
import { grantConfigProviderAccess, type ConfigProviderAccess } from './constructs/config-provider-access.ts';
import { ConnectFunction, type FunctionCode } from './constructs/connect-function.ts';
import { KafkaConnection, type KafkaNetwork, type KafkaProps } from './constructs/kafka-connection.ts';
import { Observability, type ObservabilityOptions } from './constructs/observability.ts';
import { RestartStateMachine } from './constructs/restart-state-machine.ts';
import { SinkRunners } from './constructs/sink-runners.ts';
import { SourceRunners } from './constructs/source-runners.ts';
import { StateTable, type StateTableProps } from './constructs/state-table.ts';
import type { DeployConfig, KafkaConfig } from './deploy-config.ts';
import { FUNCTIONS } from './functions.manifest.ts';

export interface LambdaConnectStackProps extends StackProps {
  table?: StateTableProps;
  api?: { auth?: ApiAuth; throttle?: { rateLimit: number; burstLimit: number } };
  /** Without it the control plane works (REST API, state) but tasks have no cluster to talk to. A function
   *  receives the stack, to import the VPC, subnets and security groups into it. */
  kafka?: KafkaProps | ((stack: Stack) => KafkaProps);
  /** Default true. */
  sourceSchedule?: boolean;
  /** Secrets and parameters that `${secretsmanager:...}` / `${ssm:...}` references may read (ARNs or patterns); default none. */
  configProviders?: ConfigProviderAccess;
  logRetention?: logs.RetentionDays;
  /** Default `esbuild`; `stand-in` only for fast template tests. */
  code?: FunctionCode;
  /** The dashboard and alarms (docs/operations.md); `false` leaves them out. */
  observability?: ObservabilityOptions | false;
}

export class LambdaConnectStack extends Stack {
  readonly table: StateTable;
  readonly apiFunction: ConnectFunction;
  readonly api: ConnectApi;
  readonly sources: SourceRunners;
  readonly restarts: RestartStateMachine;
  readonly observability?: Observability;
  readonly sinks: SinkRunners;

  constructor(scope: Construct, id: string, props: LambdaConnectStackProps = {}) {
    super(scope, id, { description: 'lambda-connect: Kafka Connect on Lambda, API Gateway and DynamoDB', ...props });
    const kafkaProps = typeof props.kafka === 'function' ? props.kafka(this) : props.kafka;
    const kafka = kafkaProps ? new KafkaConnection(kafkaProps) : undefined;
    const shared = { kafka, code: props.code, logRetention: props.logRetention };

    this.table = new StateTable(this, 'State', props.table);
    this.apiFunction = new ConnectFunction(this, 'ApiFunction', { ...shared, table: this.table, spec: FUNCTIONS['connect-api'] });
    this.api = new ConnectApi(this, 'Api', { handler: this.apiFunction, code: props.code, logRetention: props.logRetention, ...props.api, ...(props.logRetention ? { accessLogRetention: props.logRetention } : {}) });
    this.sources = new SourceRunners(this, 'Sources', { ...shared, table: this.table, scheduleEnabled: props.sourceSchedule ?? true });
    this.restarts = new RestartStateMachine(this, 'Restarts', { ...shared, table: this.table, sourceTask: this.sources.task });
    this.restarts.grantStart(this.apiFunction);
    this.sinks = new SinkRunners(this, 'Sinks', { ...shared, table: this.table });
    this.sinks.grantManage(this.apiFunction).grantManage(this.restarts.step).grantManage(this.sources.dispatcher);
    const functions = [this.apiFunction, this.sources.dispatcher, this.sources.task, this.sinks.task, this.restarts.step];
    grantConfigProviderAccess(functions.filter((fn) => fn.spec.access.configProviders), props.configProviders ?? {});
    if (props.observability !== false) {
      // The basic-auth authorizer too: its errors deny every caller of the API.
      if (this.api.authorizerFunction) functions.push(this.api.authorizerFunction);
      this.observability = new Observability(this, 'Operations', { ...props.observability, table: this.table, functions });
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Kafka Connect REST API (SigV4, basic auth or open, as apiAuth says)' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'ApiFunctionName', { value: this.apiFunction.function.functionName });
  }
}

/** Stack props from a deploy config (cdk.json context); VPC and security groups are imported by id. */
export function stackPropsFromConfig(config: DeployConfig): LambdaConnectStackProps {
  return {
    ...(config.tableDeletionProtection === undefined ? {} : { table: { deletionProtection: config.tableDeletionProtection } }),
    api: { auth: apiAuth(config) },
    ...(config.kafka ? { kafka: (stack: Stack) => kafkaProps(stack, config.kafka as KafkaConfig) } : {}),
    ...(config.sourceSchedule === undefined ? {} : { sourceSchedule: config.sourceSchedule }),
    ...(config.configProviders ? { configProviders: config.configProviders } : {}),
  };
}

function apiAuth(config: DeployConfig): ApiAuth {
  if (config.apiAuth === 'none') return { kind: 'none', confirmOpenToAnyone: config.confirmOpenApi === true } as ApiAuth;
  if (config.apiAuth === 'basic') return { kind: 'basic', credentialsSecretArn: config.basicAuthSecretArn ?? '' };
  return { kind: 'iam' };
}

function kafkaProps(scope: Construct, config: KafkaConfig): KafkaProps {
  const network = kafkaNetwork(scope, config);
  const withNetwork = network ? { network } : {};
  if (config.kind === 'msk-iam') {
    return { kind: 'msk-iam', clusterArn: config.clusterArn, bootstrapServers: config.bootstrapServers, ...(config.topics ? { topics: config.topics } : {}), ...withNetwork };
  }
  return { kind: 'self-managed', bootstrapServers: config.bootstrapServers, auth: config.auth, ...(config.tls === undefined ? {} : { tls: config.tls }), ...withNetwork };
}

function kafkaNetwork(scope: Construct, config: KafkaConfig): KafkaNetwork | undefined {
  if (!config.vpcId || !config.subnetIds) return undefined;
  // Imported by id, no lookup: synthesis stays offline. Lambda only needs subnet and security group ids.
  const vpc = ec2.Vpc.fromVpcAttributes(scope, 'KafkaVpc', { vpcId: config.vpcId, availabilityZones: Fn.getAzs() });
  return {
    vpc,
    subnets: { subnets: config.subnetIds.map((id, i) => ec2.Subnet.fromSubnetId(scope, `KafkaSubnet${i}`, id)) },
    ...(config.securityGroupIds
      ? { securityGroups: config.securityGroupIds.map((id, i) => ec2.SecurityGroup.fromSecurityGroupId(scope, `KafkaSecurityGroup${i}`, id)) }
      : {}),
  };
}
