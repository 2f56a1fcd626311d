/**
 * Sink task runners: the sink-task function that Kafka event source mappings invoke, one alias
 * (`lc-<hash>`) per sink connector. The mappings are not in the template: the REST API (and the restart
 * steps) create, update and delete them per connector, and may touch only this function's aliases and
 * the mappings invoking them (`grantManage`). The function itself may only disable them (a FAILED task).
 */
import { Fn } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTIONS } from '../functions.manifest.ts';
import { ConnectFunction, type FunctionCode } from './connect-function.ts';
import type { KafkaConnection } from './kafka-connection.ts';
import type { StateTable } from './state-table.ts';

export interface SinkRunnersProps {
  table: StateTable;
  kafka?: KafkaConnection;
  code?: FunctionCode;
  logRetention?: logs.RetentionDays;
}

export class SinkRunners extends Construct {
  readonly task: ConnectFunction;
  private readonly kafka: KafkaConnection | undefined;

  constructor(scope: Construct, id: string, props: SinkRunnersProps) {
    super(scope, id);
    this.kafka = props.kafka;
    this.task = new ConnectFunction(this, 'Task', { table: props.table, kafka: props.kafka, code: props.code, logRetention: props.logRetention, spec: FUNCTIONS['sink-task'] });
    this.grantManage(this.task);
  }

  /** Lets `fn` manage the mappings as its manifest `access.sinkMappings` says, and tells it where they poll from. */
  grantManage(fn: ConnectFunction): this {
    fn.grantSinkMappingsOf(this.task);
    // A self-managed cluster in a VPC: the mappings' pollers use the sink-task function's subnets and
    // security groups (VPC_SUBNET / VPC_SECURITY_GROUP access configurations). MSK needs neither.
    const network = this.kafka?.props.kind === 'self-managed' ? this.kafka.network : undefined;
    if (network) {
      const subnetIds = network.vpc.selectSubnets(network.subnets).subnetIds;
      const groupIds = this.task.function.connections.securityGroups.map((sg) => sg.securityGroupId);
      fn.bind('kafka.subnetIds', Fn.join(',', subnetIds));
      fn.bind('kafka.securityGroupIds', Fn.join(',', groupIds));
    }
    return this;
  }
}
