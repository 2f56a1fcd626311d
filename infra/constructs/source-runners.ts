/**
 * Source task runners: the dispatcher on the manifest's schedule (every minute) and the source-task
 * function it invokes asynchronously, once per running source task; a busy window invokes the next one
 * itself. Both may invoke the source-task function and nothing else.
 */
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTIONS } from '../functions.manifest.ts';
import { ConnectFunction, type FunctionCode } from './connect-function.ts';
import type { KafkaConnection } from './kafka-connection.ts';
import type { StateTable } from './state-table.ts';

export interface SourceRunnersProps {
  table: StateTable;
  kafka?: KafkaConnection;
  code?: FunctionCode;
  logRetention?: logs.RetentionDays;
  /** Default true. False deploys the functions with the schedule disabled (no source task runs). */
  scheduleEnabled?: boolean;
}

export class SourceRunners extends Construct {
  readonly dispatcher: ConnectFunction;
  readonly task: ConnectFunction;
  readonly schedules: events.Rule[];

  constructor(scope: Construct, id: string, props: SourceRunnersProps) {
    super(scope, id);
    const shared = { table: props.table, kafka: props.kafka, code: props.code, logRetention: props.logRetention };
    this.task = new ConnectFunction(this, 'Task', { ...shared, spec: FUNCTIONS['source-task'] });
    this.dispatcher = new ConnectFunction(this, 'Dispatcher', { ...shared, spec: FUNCTIONS['source-dispatcher'] });
    this.dispatcher.grantInvokeOf(this.task);
    this.task.grantInvokeOf(this.task);

    this.schedules = this.dispatcher.spec.triggers.flatMap((trigger, i) =>
      trigger.type === 'schedule'
        ? [
            new events.Rule(this, i === 0 ? 'Schedule' : `Schedule${i}`, {
              description: `lambda-connect: ${this.dispatcher.spec.id} ${trigger.expression}`,
              schedule: events.Schedule.expression(trigger.expression),
              enabled: props.scheduleEnabled ?? true,
              targets: [new targets.LambdaFunction(this.dispatcher.function)],
            }),
          ]
        : [],
    );
  }
}
