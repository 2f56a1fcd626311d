/**
 * Operations: one CloudWatch dashboard and the alarms (docs/operations.md). Task metrics come from the
 * EMF lines the runtime writes (namespace `LambdaConnect`, dimensions Connector, ConnectorType, Task;
 * lib/metrics/metric-names.ts); the dashboard sums them per connector with Metrics Insights queries, so
 * a new connector appears without a deployment. Alarms:
 *
 * - `TaskFailed`: any task set FAILED in the last minute (the runtime emits TaskFailed = 1 on every
 *   path that writes FAILED, and 0 per window otherwise) — one alarm over every connector;
 * - DLQ growth: more than `dlqThreshold` records (default 0) written to dead letter queues in
 *   `dlqPeriod` (default 5 minutes);
 * - Lambda errors of each function (`monitorFunction`), any error in 5 minutes.
 *
 * Missing data is not breaching: no traffic is no failure. Alarm actions go to `alarmTopic` if given.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { ConnectFunction } from './connect-function.ts';
import type { StateTable } from './state-table.ts';

export const DEFAULT_METRICS_NAMESPACE = 'LambdaConnect';

export interface ObservabilityOptions {
  /** The runtime's `LAMBDA_CONNECT_METRICS_NAMESPACE` (default `LambdaConnect`). */
  namespace?: string;
  /** Where alarm (and OK) notifications go; without it the alarms only change state. */
  alarmTopic?: sns.ITopic;
  /** DLQ records per `dlqPeriod` tolerated before the alarm fires (default 0). */
  dlqThreshold?: number;
  /** Default 5 minutes. */
  dlqPeriod?: Duration;
}

export interface ObservabilityProps extends ObservabilityOptions {
  table: StateTable;
  functions: readonly ConnectFunction[];
}

const SCHEMA = '"Connector", "ConnectorType", "Task"';

export class Observability extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  readonly taskFailedAlarm: cloudwatch.Alarm;
  readonly dlqAlarm: cloudwatch.Alarm;
  readonly functionErrorAlarms: cloudwatch.Alarm[] = [];
  private readonly namespace: string;
  private readonly alarmTopic: sns.ITopic | undefined;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.namespace = props.namespace ?? DEFAULT_METRICS_NAMESPACE;
    this.alarmTopic = props.alarmTopic;
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });

    this.taskFailedAlarm = this.alarm('TaskFailed', {
      metric: this.total('TaskFailed', 'SUM', Duration.minutes(1), 'Tasks set FAILED'),
      threshold: 0,
      alarmDescription: 'lambda-connect: a connector task was set FAILED (GET /connectors/<name>/status shows its trace; restart it with POST .../restart)',
    });
    this.dlqAlarm = this.alarm('DlqGrowth', {
      metric: this.total('DlqRecords', 'SUM', props.dlqPeriod ?? Duration.minutes(5), 'Records written to dead letter queues'),
      threshold: props.dlqThreshold ?? 0,
      alarmDescription: 'lambda-connect: records were written to a dead letter queue (errors.tolerance=all skipped them)',
    });

    this.dashboard.addWidgets(
      this.graph('Source records polled / written (per connector)', [this.perConnector('SourceRecordsPolled', 'SUM'), this.perConnector('SourceRecordsWritten', 'SUM')]),
      this.graph('Sink records received / put (per connector)', [this.perConnector('SinkRecordsReceived', 'SUM'), this.perConnector('SinkRecordsPut', 'SUM')]),
      this.graph('Failed records, DLQ writes, FAILED tasks (per connector)', [this.perConnector('RecordsFailed', 'SUM'), this.perConnector('DlqRecords', 'SUM'), this.perConnector('TaskFailed', 'SUM')]),
    );
    this.dashboard.addWidgets(
      this.graph('Source window utilisation % (average per connector)', [this.perConnector('SourceWindowUtilisation', 'AVG')]),
      this.graph('Sink lag ms, record age (max per connector)', [this.perConnector('SinkLag', 'MAX')]),
      this.graph('DynamoDB throttled events', [
        props.table.table.metric('ReadThrottleEvents', { statistic: 'Sum', label: 'read' }),
        props.table.table.metric('WriteThrottleEvents', { statistic: 'Sum', label: 'write' }),
      ]),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [this.taskFailedAlarm, this.dlqAlarm], width: 6 }),
    );
    for (const fn of props.functions) this.monitorFunction(fn);
  }

  /** Adds a function's errors / throttles / duration to the dashboard and an alarm on its errors. */
  monitorFunction(fn: ConnectFunction): this {
    const f = fn.function;
    const name = fn.spec.id;
    this.functionErrorAlarms.push(
      this.alarm(`${pascal(name)}Errors`, {
        metric: f.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 0,
        alarmDescription: `lambda-connect: the ${name} function returned errors`,
      }),
    );
    this.dashboard.addWidgets(
      this.graph(`${name}: errors and throttles`, [f.metricErrors({ statistic: 'Sum' }), f.metricThrottles({ statistic: 'Sum' })], 12),
      this.graph(`${name}: duration (p50, p99, max)`, [f.metricDuration({ statistic: 'p50' }), f.metricDuration({ statistic: 'p99' }), f.metricDuration({ statistic: 'Maximum' })], 12),
    );
    return this;
  }

  /** One series per connector (Metrics Insights, last 3 hours of data at most). */
  private perConnector(metric: string, fn: 'SUM' | 'AVG' | 'MAX'): cloudwatch.MathExpression {
    return new cloudwatch.MathExpression({
      expression: `SELECT ${fn}(${metric}) FROM SCHEMA("${this.namespace}", ${SCHEMA}) GROUP BY Connector`,
      label: metric,
      period: Duration.minutes(5),
    });
  }

  /** One series over every connector and task: what the alarms watch. */
  private total(metric: string, fn: 'SUM', period: Duration, label: string): cloudwatch.MathExpression {
    return new cloudwatch.MathExpression({ expression: `SELECT ${fn}(${metric}) FROM SCHEMA("${this.namespace}", ${SCHEMA})`, label, period });
  }

  private graph(title: string, metrics: cloudwatch.IMetric[], width = 8): cloudwatch.GraphWidget {
    return new cloudwatch.GraphWidget({ title, left: metrics, width, height: 6 });
  }

  private alarm(id: string, props: { metric: cloudwatch.IMetric; threshold: number; alarmDescription: string }): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      ...props,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    if (this.alarmTopic) {
      alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
      alarm.addOkAction(new actions.SnsAction(this.alarmTopic));
    }
    return alarm;
  }
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}
