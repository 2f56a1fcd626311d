/**
 * The Kafka side of a deployment: where the brokers are, how functions authenticate to them, which network
 * the functions that talk to them run in, and the IAM that goes with it. Not a construct: it creates no
 * resource, it binds environment values and grants to the functions that need Kafka.
 */
import { Fn, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
// cdk-nag names a wildcard finding after the flattened resource; acknowledging exactly that one finding needs the same text.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';
import { kafkaTls } from '../deploy-config.ts';
import type { Binding, KafkaAccess, KafkaGroupAccess } from '../functions.manifest.ts';
import { KMS_DECRYPT_ACTIONS, kmsViaService } from '../secret-access.ts';
import {
  KAFKA_CLUSTER_ACTIONS,
  KAFKA_GROUP_ACTIONS,
  KAFKA_READ_TOPIC_ACTIONS,
  KAFKA_SECRET_ACTIONS,
  KAFKA_TOPIC_ACTIONS,
  MSK_ESM_CLUSTER_ACTIONS,
  SINK_GROUP_PATTERN,
  mskGroupArn,
  mskTopicArn,
} from '../permissions.ts';

export interface KafkaNetwork {
  vpc: ec2.IVpc;
  /** Default: the VPC's private subnets with egress (the functions also call DynamoDB and Lambda). */
  subnets?: ec2.SubnetSelection;
  /** Default: one security group per function, outbound only. */
  securityGroups?: ec2.ISecurityGroup[];
}

/** Amazon MSK with IAM access control (SASL OAUTHBEARER signed with the function's role). */
export interface MskIamKafka {
  kind: 'msk-iam';
  /** `arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>`. */
  clusterArn: string;
  /** The cluster's IAM bootstrap brokers (port 9098), comma separated. */
  bootstrapServers: string;
  /** Topics the functions may use; default every topic of this cluster (connectors pick topics at run time). */
  topics?: string[];
  network?: KafkaNetwork;
}

/** Any Kafka cluster reachable from the functions, with credentials from Secrets Manager. */
export interface SelfManagedKafka {
  kind: 'self-managed';
  bootstrapServers: string;
  auth: SelfManagedAuth;
  /** TLS to the brokers (`KAFKA_TLS`); default as the runtime: on unless `auth.mechanism` is none. */
  tls?: boolean;
  network?: KafkaNetwork;
}

export type SelfManagedAuth =
  | { mechanism: 'none' }
  /** Secret: `{"username": …, "password": …}`. `secretKmsKeyArn`: the customer-managed key it is encrypted
   *  with (Amazon MSK requires one for SCRAM secrets); the functions get kms:Decrypt on it via Secrets Manager. */
  | { mechanism: 'scram-sha-256' | 'scram-sha-512'; secretArn: string; secretKmsKeyArn?: string }
  /** Secret: `{"certificate": PEM, "privateKey": PEM, "privateKeyPassword"?: …}` (Lambda ESM's format). */
  | { mechanism: 'mtls'; secretArn: string; secretKmsKeyArn?: string };

export type KafkaProps = MskIamKafka | SelfManagedKafka;

export class KafkaConnection {
  constructor(readonly props: KafkaProps) {
    if (props.kind === 'msk-iam' && !Token.isUnresolved(props.clusterArn) && !/^arn:[^:]+:kafka:[^:]*:[^:]*:cluster\/[^/]+\/[^/]+$/.test(props.clusterArn)) {
      throw new Error(`kafka.clusterArn is not an MSK cluster ARN: ${props.clusterArn}`);
    }
    if (props.kind === 'self-managed' && props.auth.mechanism === 'mtls' && props.tls === false) {
      throw new Error('kafka.tls cannot be false with mtls: it authenticates with a TLS client certificate');
    }
  }

  get network(): KafkaNetwork | undefined {
    return this.props.network;
  }

  /** `KAFKA_AUTH` as the task runtime reads it: msk-iam | scram-sha-256 | scram-sha-512 | mtls | none. */
  get auth(): string {
    return this.props.kind === 'msk-iam' ? 'msk-iam' : this.props.auth.mechanism;
  }

  get secretArn(): string | undefined {
    return this.props.kind === 'self-managed' && this.props.auth.mechanism !== 'none' ? this.props.auth.secretArn : undefined;
  }

  get secretKmsKeyArn(): string | undefined {
    return this.props.kind === 'self-managed' && this.props.auth.mechanism !== 'none' ? this.props.auth.secretKmsKeyArn : undefined;
  }

  /** `KAFKA_TLS`: always for MSK IAM, else as given or the runtime's default. */
  get tls(): boolean {
    return this.props.kind === 'msk-iam' ? true : kafkaTls(this.props.auth.mechanism, this.props.tls);
  }

  /** The values this connection gives to `kafka.*` bindings of the manifest. */
  bindings(): Partial<Record<Binding, string>> {
    return {
      'kafka.bootstrapServers': this.props.bootstrapServers,
      'kafka.auth': this.auth,
      'kafka.tls': String(this.tls),
      ...(this.secretArn ? { 'kafka.secretArn': this.secretArn } : {}),
      ...(this.props.kind === 'msk-iam' ? { 'kafka.clusterArn': this.props.clusterArn } : {}),
    };
  }

  /**
   * MSK IAM: the sink connectors' groups (`connect-*`) and reading the topics; with `consume`, also what an
   * event source mapping polling with the grantee's role needs on the cluster. Self-managed clusters
   * authenticate with the secret `grant` already covers.
   */
  grantGroups(grantee: iam.IGrantable & IConstruct, access: KafkaGroupAccess): void {
    if (this.props.kind !== 'msk-iam') return;
    const clusterArn = this.props.clusterArn;
    const principal = grantee.grantPrincipal;
    if (access === 'consume') principal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: MSK_ESM_CLUSTER_ACTIONS, resources: [clusterArn] }));
    principal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: KAFKA_READ_TOPIC_ACTIONS, resources: mskTopicArns(this.props) }));
    const groupArn = mskResourceArn(clusterArn, 'group', SINK_GROUP_PATTERN);
    principal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: KAFKA_GROUP_ACTIONS, resources: [groupArn] }));
    Validations.of(grantee).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(grantee).resolve(groupArn))}]`,
      reason: 'Sink connectors consume in groups named connect-<connector> (Kafka Connect\'s convention), created at run time: only those groups of this one cluster.',
    });
  }

  /** Grants `access` to the cluster (MSK IAM) or to the credentials secret (self-managed). */
  grant(grantee: iam.IGrantable & IConstruct, access: KafkaAccess): void {
    const statements: iam.PolicyStatement[] = [];
    if (this.props.kind === 'msk-iam') {
      const topicArns = mskTopicArns(this.props);
      statements.push(
        new iam.PolicyStatement({ actions: KAFKA_CLUSTER_ACTIONS[access], resources: [this.props.clusterArn] }),
        new iam.PolicyStatement({ actions: KAFKA_TOPIC_ACTIONS[access], resources: topicArns }),
      );
      for (const arn of topicArns.filter((a) => a.endsWith('/*'))) {
        Validations.of(grantee).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(grantee).resolve(arn))}]`,
          reason: 'Every topic of this one MSK cluster: connectors choose topics at run time (topic, topic.prefix, routers, DLQ); narrow it with kafka.topics.',
        });
      }
    }
    const secretArn = this.secretArn;
    if (secretArn) statements.push(new iam.PolicyStatement({ actions: KAFKA_SECRET_ACTIONS, resources: [secretArn] }));
    const keyArn = this.secretKmsKeyArn;
    if (keyArn) {
      // Only when Secrets Manager decrypts the secret for the caller (the functions, and the event source
      // mappings polling with sink-task's role), in the key's region (the secret's: KMS keys are regional).
      const viaService = Token.isUnresolved(keyArn)
        ? Fn.join('', ['secretsmanager.', Fn.select(3, Fn.split(':', keyArn)), '.', Stack.of(grantee).urlSuffix])
        : kmsViaService('secretsmanager', keyArn);
      statements.push(new iam.PolicyStatement({ actions: KMS_DECRYPT_ACTIONS, resources: [keyArn], conditions: { StringEquals: { 'kms:ViaService': viaService } } }));
    }
    for (const statement of statements) grantee.grantPrincipal.addToPrincipalPolicy(statement);
  }
}

/** Topic ARNs share the cluster ARN's name/uuid: `…:cluster/c/u` → `…:topic/c/u/<topic>`. */
export function mskTopicArns(props: MskIamKafka): string[] {
  return (props.topics ?? ['*']).map((topic) => mskResourceArn(props.clusterArn, 'topic', topic));
}

/** `…:cluster/c/u` → `…:<kind>/c/u/<name>`, also for a deploy-time ARN (e.g. of a cluster in the same app). */
function mskResourceArn(clusterArn: string, kind: 'topic' | 'group', name: string): string {
  if (!Token.isUnresolved(clusterArn)) return kind === 'topic' ? mskTopicArn(clusterArn, name) : mskGroupArn(clusterArn, name);
  const parts = Fn.split(':cluster/', clusterArn);
  return `${Fn.select(0, parts)}:${kind}/${Fn.select(1, parts)}/${name}`;
}
