/**
 * One lambda-connect function, built from its manifest entry with the defaults baked in: arm64, Node 22,
 * its own log group with retention, X-Ray tracing, a role of its own that grants nothing until a `bind`
 * or `grant` helper adds exactly what the manifest declares. Synthesis fails when a declared binding or
 * access was never provided, so the manifest and the stack cannot silently disagree.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { ArnFormat, AssetHashType, DockerImage, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
// cdk-nag names a wildcard finding after the flattened resource; acknowledging exactly that one finding needs the same text.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import { LOG_RETENTION_DAYS, type Binding, type FunctionSpec } from '../functions.manifest.ts';
import { ESM_NETWORK_ACTIONS, INVOKE_ACTIONS, LOG_ACTIONS, SINK_ALIAS_PREFIX, VPC_ACCESS_MANAGED_POLICY, sinkMappingPolicy } from '../permissions.ts';
import type { KafkaConnection } from './kafka-connection.ts';
import { projectPath } from './project-root.ts';
import type { StateTable } from './state-table.ts';

/** `esbuild`: bundle `spec.entry` with infra/bundle.ts (what deploys). `stand-in`: inline placeholder code, for fast assertion
 *  tests only; `test/infra/bundling.test.ts` proves the real bundles build and load. */
export type FunctionCode = 'esbuild' | 'stand-in';

export interface ConnectFunctionProps {
  spec: FunctionSpec;
  /** Required unless the manifest says `stateTable: 'none'`. */
  table?: StateTable;
  kafka?: KafkaConnection;
  code?: FunctionCode;
  logRetention?: logs.RetentionDays;
}

export class ConnectFunction extends Construct {
  readonly spec: FunctionSpec;
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  private readonly unbound = new Set<Binding>();
  private readonly invokeTargets = new Set<string>();
  private sinkMappingsGranted = false;

  constructor(scope: Construct, id: string, props: ConnectFunctionProps) {
    super(scope, id);
    const { spec } = props;
    this.spec = spec;
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${spec.id}: only what the manifest declares`,
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? (LOG_RETENTION_DAYS as logs.RetentionDays),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: LOG_ACTIONS, resources: [this.logGroup.logGroupArn] }));

    const network = spec.inKafkaNetwork ? props.kafka?.network : undefined;
    const common: lambda.FunctionOptions & { runtime: lambda.Runtime } = {
      functionName: this.functionName,
      description: spec.description,
      runtime: runtimeOf(spec),
      architecture: spec.architecture === 'arm64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64,
      timeout: Duration.seconds(spec.timeoutSeconds),
      memorySize: spec.memoryMb,
      role: this.role,
      logGroup: this.logGroup,
      tracing: lambda.Tracing.ACTIVE,
      environment: literalEnvironment(spec),
      ...(spec.asyncInvoke
        ? { retryAttempts: spec.asyncInvoke.retryAttempts, maxEventAge: Duration.seconds(spec.asyncInvoke.maxEventAgeSeconds) }
        : {}),
      ...(network
        ? { vpc: network.vpc, ...(network.subnets ? { vpcSubnets: network.subnets } : {}), ...(network.securityGroups ? { securityGroups: network.securityGroups } : {}) }
        : {}),
    };
    const bundled = (props.code ?? 'esbuild') === 'esbuild';
    this.function = new lambda.Function(this, 'Function', {
      ...common,
      handler: `index.${spec.handler}`,
      code: bundled ? bundledCode(spec) : lambda.Code.fromInline(STAND_IN_CODE),
    });

    for (const value of Object.values(spec.environment)) {
      if ('bind' in value && !value.optional) this.unbound.add(value.bind);
    }
    this.node.addValidation({ validate: () => this.missing() });

    if (network) this.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName(VPC_ACCESS_MANAGED_POLICY));
    this.acknowledgeDefaults(network !== undefined);
    if (spec.access.stateTable !== 'none') {
      if (!props.table) throw new Error(`${spec.id} uses the state table: give it one`);
      props.table.grant(this, spec.access.stateTable);
      this.bind('stateTable.name', props.table.tableName);
    }
    if (props.kafka && spec.access.kafka) {
      props.kafka.grant(this, spec.access.kafka);
      for (const [binding, value] of Object.entries(props.kafka.bindings())) this.bind(binding as Binding, value);
    }
    if (props.kafka && spec.access.kafkaGroups) {
      props.kafka.grantGroups(this, spec.access.kafkaGroups);
      // An event source mapping's pollers reach the brokers through ENIs in the cluster's subnets: MSK's
      // always, a self-managed cluster's when it is in a VPC.
      if (spec.access.kafkaGroups === 'consume' && (props.kafka.props.kind === 'msk-iam' || props.kafka.network)) {
        this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ESM_NETWORK_ACTIONS, resources: ['*'] }));
      }
    }
  }

  get grantPrincipal(): iam.IPrincipal {
    return this.role;
  }

  /** Sets every environment variable the manifest binds to `binding`. */
  bind(binding: Binding, value: string): this {
    for (const [name, env] of Object.entries(this.spec.environment)) {
      if ('bind' in env && env.bind === binding) this.function.addEnvironment(name, value);
    }
    this.unbound.delete(binding);
    return this;
  }

  /** The function's name, known at synthesis (not a reference): a function may name and invoke itself. */
  get functionName(): string {
    return physicalFunctionName(Stack.of(this).stackName, this.spec.id);
  }

  /** Lets this function invoke `target` (only the unqualified function, no versions or aliases) and binds
   *  its name; `target` must be listed in this function's `access.invoke`. Built from the name rather than
   *  a reference to the function, so that a function may be its own target without a dependency cycle. */
  grantInvokeOf(target: ConnectFunction): this {
    if (!this.spec.access.invoke?.some((id) => id === target.spec.id)) {
      throw new Error(`${this.spec.id} may not invoke ${target.spec.id}: not in its manifest access.invoke`);
    }
    const arn = Stack.of(this).formatArn({ service: 'lambda', resource: 'function', resourceName: target.functionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: INVOKE_ACTIONS, resources: [arn] }));
    this.invokeTargets.add(target.spec.id);
    const binding = `function.${target.spec.id}.name`;
    if (Object.values(this.spec.environment).some((env) => 'bind' in env && env.bind === binding)) {
      this.bind(binding as Binding, target.functionName);
    }
    return this;
  }

  /**
   * Lets this function manage (or only disable) the event source mappings of `sinkTask`'s connector
   * aliases, as its manifest `access.sinkMappings` says, and binds the sink-task function's name.
   */
  grantSinkMappingsOf(sinkTask: ConnectFunction): this {
    const access = this.spec.access.sinkMappings;
    if (access === undefined) throw new Error(`${this.spec.id} may not manage event source mappings: not in its manifest access.sinkMappings`);
    const stack = Stack.of(this);
    const fn = stack.formatArn({ service: 'lambda', resource: 'function', resourceName: sinkTask.functionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const arns = { fn, aliases: `${fn}:${SINK_ALIAS_PREFIX}*`, mappings: stack.formatArn({ service: 'lambda', resource: 'event-source-mapping', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) };
    for (const part of sinkMappingPolicy(access, arns)) {
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: part.actions, resources: part.resources, ...(part.condition ? { conditions: part.condition } : {}) }));
    }
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(stack.resolve(arns.mappings))}]`,
      reason: 'Update/DeleteEventSourceMapping: mapping ids are made at run time; the lambda:FunctionArn condition limits them to mappings invoking the sink-task aliases.',
    });
    this.sinkMappingsGranted = true;
    this.bind('function.sink-task.name', sinkTask.functionName);
    return this;
  }

  private missing(): string[] {
    const errors = [...this.unbound].map((b) => `${this.spec.id}: manifest binding ${b} was never bound`);
    if (this.spec.access.sinkMappings && !this.sinkMappingsGranted) errors.push(`${this.spec.id}: manifest access.sinkMappings was never granted`);
    for (const target of this.spec.access.invoke ?? []) {
      if (!this.invokeTargets.has(target)) errors.push(`${this.spec.id}: manifest access.invoke ${target} was never granted`);
    }
    return errors;
  }

  private acknowledgeDefaults(inVpc: boolean): void {
    const validations = Validations.of(this);
    validations.acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Pinned to nodejs22.x, the runtime the project supports and tests (esbuild target node20); a newer runtime is a deliberate upgrade.',
    });
    validations.acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'No resource-level permissions exist for X-Ray (PutTraceSegments, PutTelemetryRecords), lambda:ListEventSourceMappings, ' +
        'lambda:CreateEventSourceMapping (narrowed by its lambda:FunctionArn condition to the sink-task aliases) and the EC2 network-interface calls of a Kafka event source mapping.',
    });
    if (inVpc) {
      validations.acknowledge({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${VPC_ACCESS_MANAGED_POLICY}]`,
        reason: 'Lambda needs ec2:*NetworkInterface* on * to attach the function to the Kafka VPC; AWS maintains that exact set in this policy.',
      });
    }
  }
}

const STAND_IN_CODE = "exports.handler = async () => { throw new Error('stand-in code: synthesized without bundling'); };";

/** `<stack>-<function id>`, shortened with a hash of the full name when over Lambda's 64 characters. */
export function physicalFunctionName(stackName: string, id: string): string {
  if (Token.isUnresolved(stackName)) throw new Error('The stack name must be known at synthesis to name functions');
  const full = `${stackName}-${id}`;
  if (full.length <= 64) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${stackName.slice(0, 64 - id.length - hash.length - 2)}-${hash}-${id}`;
}

function runtimeOf(spec: FunctionSpec): lambda.Runtime {
  const runtime = lambda.Runtime.ALL.find((r) => r.name === spec.runtime);
  if (!runtime) throw new Error(`${spec.id}: unknown runtime ${spec.runtime}`);
  return runtime;
}

function literalEnvironment(spec: FunctionSpec): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.environment)) if ('value' in value) env[name] = value.value;
  return env;
}

/**
 * `spec.entry` bundled by infra/bundle.ts (the esbuild API with the manifest's options and our plugins,
 * as serverless.yml's plugin bundles it), run as a local command at synthesis: no Docker, offline.
 * The asset is named by a hash of the bundle, so it changes exactly when the code does.
 */
function bundledCode(spec: FunctionSpec): lambda.Code {
  const root = projectPath('.');
  return lambda.Code.fromAsset(root, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled or run: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('none'),
      // Part of CDK's asset cache key, so that each entry gets its own bundle.
      command: ['infra/bundle-cli.ts', spec.entry],
      local: {
        tryBundle(outputDir: string): boolean {
          const result = spawnSync(process.execPath, ['--import', 'tsx', 'infra/bundle-cli.ts', spec.entry, outputDir], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
          if (result.error) throw result.error;
          if (result.status !== 0) throw new Error(`Bundling ${spec.entry} failed (infra/bundle-cli.ts exited with ${result.status ?? result.signal})`);
          return true;
        },
      },
    },
  });
}
