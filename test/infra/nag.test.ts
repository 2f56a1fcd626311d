/**
 * cdk-nag's AwsSolutions pack over the stack in each shape a deployment can take: synthesis passes (no
 * unacknowledged finding), every acknowledgment carries a reason, and every acknowledgment is used by a
 * real finding — a stale or over-broad one fails here.
 */
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/deploy-config.ts';
import { LambdaConnectStack, stackPropsFromConfig, type LambdaConnectStackProps } from '../../infra/lambda-connect-stack.ts';
import { synthStack } from './support/synth-stack.ts';

const CLUSTER = 'arn:aws:kafka:eu-west-1:123456789012:cluster/orders/0a1b2c3d-1111-2222-3333-444455556666-7';
const VPC = { vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0aaaaaaaaaaaaaaa1'] };

const SHAPES: Record<string, LambdaConnectStackProps> = {
  'default (IAM auth, no Kafka)': {},
  'MSK IAM in a VPC, every topic': stackPropsFromConfig(parseDeployConfig({ kafka: { kind: 'msk-iam', clusterArn: CLUSTER, bootstrapServers: 'b-1:9098', ...VPC } })),
  'MSK IAM, listed topics': stackPropsFromConfig(parseDeployConfig({ kafka: { kind: 'msk-iam', clusterArn: CLUSTER, bootstrapServers: 'b-1:9098', topics: ['orders'] } })),
  'self-managed mTLS': stackPropsFromConfig(
    parseDeployConfig({ kafka: { kind: 'self-managed', bootstrapServers: 'k:9094', auth: { mechanism: 'mtls', secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka-client-AbCdEf' } } }),
  ),
  'open API (confirmed)': { api: { auth: { kind: 'none', confirmOpenToAnyone: true } } },
  'basic auth, self-managed SCRAM in a VPC': stackPropsFromConfig(
    parseDeployConfig({
      apiAuth: 'basic',
      basicAuthSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users-AbCdEf',
      kafka: {
        kind: 'self-managed',
        bootstrapServers: 'k:9096',
        auth: { mechanism: 'scram-sha-512', secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka-AbCdEf', secretKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
        ...VPC,
      },
      configProviders: { secretArns: ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect/*'], parameterArns: ['arn:aws:ssm:eu-west-1:123456789012:parameter/connect/*'], kmsKeyArns: ['arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'] },
    }),
  ),
};

interface Acknowledgment {
  path: string;
  id: string;
  reason: string;
}

/** Records which acknowledgments the pack consulted and found (path of the resource, rule id). */
function recordingChecks(app: App): { pack: AwsSolutionsChecks; used: Array<{ path: string; id: string }> } {
  const pack = new AwsSolutionsChecks(app);
  const used: Array<{ path: string; id: string }> = [];
  const target = pack as unknown as { isAcknowledged(resource: IConstruct, ruleId: string): boolean };
  const original = target.isAcknowledged.bind(pack);
  target.isAcknowledged = (resource, ruleId) => {
    const acknowledged = original(resource, ruleId);
    if (acknowledged) used.push({ path: resource.node.path, id: ruleId });
    return acknowledged;
  };
  return { pack, used };
}

function acknowledgments(root: IConstruct): Acknowledgment[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason }))),
  );
}

describe.each(Object.entries(SHAPES))('cdk-nag AwsSolutions: %s', (_name, props) => {
  const app = new App();
  const { pack, used } = recordingChecks(app);
  Validations.of(app).addPlugins(pack);
  // Template.fromStack synthesizes the app, which runs the plugin and throws on any unacknowledged finding.
  const synth = () => synthStack(props, app);

  it('has no unacknowledged finding', () => {
    expect(synth).not.toThrow();
  });

  it('acknowledges each finding with a specific reason, and only findings that exist', () => {
    const acks = acknowledgments(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThan(40);
      expect(used.some((u) => u.id === ack.id && (u.path === ack.path || u.path.startsWith(`${ack.path}/`))), `unused: ${ack.path} ${ack.id}`).toBe(true);
    }
  });
});

describe('cdk-nag AwsSolutions, the negative control', () => {
  it('fails synthesis when a default is taken away underneath the constructs (no PITR on the table)', () => {
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stack = new LambdaConnectStack(app, 'Weakened', { code: 'stand-in' });
    (stack.table.table.node.defaultChild as CfnTable).pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: false };
    expect(() => Template.fromStack(stack)).toThrow(/AwsSolutions-DDB3/);
  });
});
