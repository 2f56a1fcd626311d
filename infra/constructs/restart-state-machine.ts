/**
 * Restarts as Step Functions executions (docs/restarts.md): the restart-step function and the state
 * machine whose Task states all invoke it, built from `restartDefinition` — the same ASL data that
 * standalone mode runs with aws-local-stepfunctions. The state machine may invoke that one function
 * and nothing else; `grantStart` lets a function (connect-api) start executions of this state machine only.
 */
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { restartDefinition } from '#lib/runtime/restart/restart-definition';
import { FUNCTIONS, LOG_RETENTION_DAYS } from '../functions.manifest.ts';
import { INVOKE_ACTIONS, START_RESTART_ACTIONS } from '../permissions.ts';
import { ConnectFunction, type FunctionCode } from './connect-function.ts';
import type { KafkaConnection } from './kafka-connection.ts';
import type { StateTable } from './state-table.ts';

export interface RestartStateMachineProps {
  table: StateTable;
  /** Restarted source tasks are invoked at once through it. */
  sourceTask: ConnectFunction;
  kafka?: KafkaConnection;
  code?: FunctionCode;
  logRetention?: logs.RetentionDays;
}

export class RestartStateMachine extends Construct {
  readonly step: ConnectFunction;
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RestartStateMachineProps) {
    super(scope, id);
    this.step = new ConnectFunction(this, 'Step', { table: props.table, kafka: props.kafka, code: props.code, logRetention: props.logRetention, spec: FUNCTIONS['restart-step'] });
    this.step.grantInvokeOf(props.sourceTask);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? (LOG_RETENTION_DAYS as logs.RetentionDays),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const definition = restartDefinition(this.step.function.functionArn);
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: definition.Comment,
      definitionBody: sfn.DefinitionBody.fromString(Stack.of(this).toJsonString(definition)),
      stateMachineType: sfn.StateMachineType.STANDARD,
      tracingEnabled: true,
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    // Only the unqualified function: the definition names no version or alias.
    this.stateMachine.addToRolePolicy(new iam.PolicyStatement({ actions: INVOKE_ACTIONS, resources: [this.step.function.functionArn] }));
    this.acknowledgeDefaults();
  }

  /** Lets `fn` start executions of this state machine (and no other) and binds its ARN. */
  grantStart(fn: ConnectFunction): this {
    if (fn.spec.access.startRestarts !== true) throw new Error(`${fn.spec.id} may not start restarts: not in its manifest access`);
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: START_RESTART_ACTIONS, resources: [this.stateMachine.stateMachineArn] }));
    fn.bind('restartStateMachine.arn', this.stateMachine.stateMachineArn);
    return this;
  }

  private acknowledgeDefaults(): void {
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Step Functions logging (logs:*LogDelivery*, DescribeResourcePolicies, DescribeLogGroups) and X-Ray tracing support no resource-level permissions.',
    });
  }
}
