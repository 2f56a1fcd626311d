import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { METRICS } from '#lib/metrics/metric-names';
import { functionResource, ofType, synthStack, type Synthesized } from './support/synth-stack.ts';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:connect-alarms';
const MONITORED = ['connect-api', 'source-dispatcher', 'source-task', 'sink-task', 'restart-step'] as const;

const s = synthStack();

interface DashboardBody {
  widgets: Array<{ properties: { metrics?: unknown[][] } }>;
}

/** The dashboard body, parsed, with each token written as `ref:<logical id>` or `getatt:<logical id>.<attribute>`. */
function dashboardBody(synth: Synthesized): DashboardBody {
  const [[, dashboard] = ['', undefined]] = ofType(synth.resources, 'AWS::CloudWatch::Dashboard');
  const join = (dashboard?.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  const text = join.map((part) => {
    if (typeof part === 'string') return part;
    const token = part as { Ref?: string; 'Fn::GetAtt'?: string[] };
    return token.Ref !== undefined ? `ref:${token.Ref}` : `getatt:${token['Fn::GetAtt']?.join('.')}`;
  });
  return JSON.parse(text.join('')) as DashboardBody;
}

/** Every series of every graph: an expression, or [namespace, metric name, dimension name, value, …]. */
function series(body: DashboardBody): unknown[][] {
  return body.widgets.flatMap((w) => w.properties.metrics ?? []);
}

const expressions = (body: DashboardBody): string[] => series(body).flatMap((m) => m.map((x) => (x as { expression?: string }).expression ?? '')).filter((e) => e !== '');

function alarms(synth: Synthesized) {
  return ofType(synth.resources, 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
}

const insights = (fn: string, metric: string, namespace = 'LambdaConnect') => `SELECT ${fn}(${metric}) FROM SCHEMA("${namespace}", "Connector", "ConnectorType", "Task")`;

describe('the operations dashboard', () => {
  it('is one dashboard', () => {
    expect(ofType(s.resources, 'AWS::CloudWatch::Dashboard')).toHaveLength(1);
  });

  it('graphs every runtime metric per connector with Metrics Insights over the namespace', () => {
    const all = expressions(dashboardBody(s));
    for (const metric of Object.keys(METRICS)) {
      expect(all.some((e) => new RegExp(`^SELECT (SUM|AVG|MAX)\\(${metric}\\) FROM SCHEMA\\("LambdaConnect", "Connector", "ConnectorType", "Task"\\) GROUP BY Connector$`).test(e)), metric).toBe(true);
    }
  });

  it('graphs errors, throttles and duration of every function, and DynamoDB throttles', () => {
    const graphed = series(dashboardBody(s)).map((m) => m.slice(0, 4).join(' '));
    for (const id of MONITORED) {
      const [logicalId] = functionResource(s, id);
      for (const metric of ['Errors', 'Throttles', 'Duration']) expect(graphed).toContain(`AWS/Lambda ${metric} FunctionName ref:${logicalId}`);
    }
    const [[table] = ['']] = ofType(s.resources, 'AWS::DynamoDB::Table');
    expect(graphed).toEqual(expect.arrayContaining([`AWS/DynamoDB ReadThrottleEvents TableName ref:${table}`, `AWS/DynamoDB WriteThrottleEvents TableName ref:${table}`]));
  });
});

describe('the alarms', () => {
  it('fire when any task is set FAILED within a minute (TaskFailed over every connector)', () => {
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [{ Expression: insights('SUM', 'TaskFailed'), Id: Match.anyValue(), Label: Match.anyValue(), Period: 60, ReturnData: true }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  it('fire when dead letter queues grow: any DLQ record in 5 minutes by default', () => {
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [Match.objectLike({ Expression: insights('SUM', 'DlqRecords'), Period: 300 })],
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    });
  });

  it('fire on any error of each function', () => {
    for (const id of MONITORED) {
      const [logicalId] = functionResource(s, id);
      s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId } }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });

  it('are the task, DLQ and per-function alarms and nothing else, with no actions by default', () => {
    expect(alarms(s)).toHaveLength(2 + MONITORED.length);
    for (const alarm of alarms(s)) expect(alarm.AlarmActions).toBeUndefined();
  });

  it('notify the given SNS topic on alarm and on recovery', () => {
    const app = new App();
    const topic = sns.Topic.fromTopicArn(new Stack(app, 'Shared'), 'AlarmTopic', TOPIC);
    const synth = synthStack({ observability: { alarmTopic: topic } }, app);
    expect(alarms(synth)).toHaveLength(2 + MONITORED.length);
    for (const alarm of alarms(synth)) {
      expect(alarm.AlarmActions).toEqual([TOPIC]);
      expect(alarm.OKActions).toEqual([TOPIC]);
    }
  });

  it('take the DLQ threshold, the DLQ period and the namespace from the props', () => {
    const synth = synthStack({ observability: { dlqThreshold: 50, dlqPeriod: Duration.minutes(15), namespace: 'Team/Connect' } });
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: [Match.objectLike({ Expression: insights('SUM', 'DlqRecords', 'Team/Connect'), Period: 900 })], Threshold: 50 });
    expect(expressions(dashboardBody(synth)).every((e) => e.includes('FROM SCHEMA("Team/Connect"'))).toBe(true);
  });
});

describe('observability: false', () => {
  it('leaves the dashboard and every alarm out', () => {
    const synth = synthStack({ observability: false });
    expect(ofType(synth.resources, 'AWS::CloudWatch::Dashboard')).toEqual([]);
    expect(ofType(synth.resources, 'AWS::CloudWatch::Alarm')).toEqual([]);
  });
});

describe('with apiAuth basic, the authorizer', () => {
  const basic = synthStack({ api: { auth: { kind: 'basic', credentialsSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users-AbCdEf' } } });
  const [authorizer] = functionResource(basic, 'basic-auth-authorizer');

  it('is graphed: errors, throttles, duration', () => {
    const graphed = series(dashboardBody(basic)).map((m) => m.slice(0, 4).join(' '));
    for (const metric of ['Errors', 'Throttles', 'Duration']) expect(graphed).toContain(`AWS/Lambda ${metric} FunctionName ref:${authorizer}`);
  });

  it('has an errors alarm (an erroring authorizer denies every caller)', () => {
    basic.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: authorizer } }],
      Threshold: 0,
    });
    expect(alarms(basic)).toHaveLength(2 + MONITORED.length + 1);
  });
});
