import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { parseDeployConfig } from '../../infra/deploy-config.ts';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { BASIC_AUTH_AUTHORIZER, FUNCTIONS, HTTP_API, heapOptions, type EnvValue } from '../../infra/functions.manifest.ts';
import { SINK_ALIAS_PREFIX } from '../../infra/permissions.ts';
import { FUNCTION_IDS } from './support/synth-stack.ts';

/** Variables set for a reader that has not landed yet (the Kafka auth modes: SASL/SCRAM, MSK IAM), read by
 *  Node itself, or with no other valid value under the sample `msk-iam` (`KAFKA_TLS`, its own test below);
 *  every other manifest variable must change what `settingsFromEnv` returns. */
const NOT_READ_BY_SETTINGS = new Set(['NODE_OPTIONS', 'KAFKA_AUTH', 'KAFKA_SECRET_ARN', 'KAFKA_TLS']);

const SAMPLE_BINDINGS: Record<string, string> = {
  'stateTable.name': 'lc-state',
  'api.host': 'abc123.execute-api.eu-west-1.amazonaws.com',
  'function.source-task.name': 'LambdaConnect-source-task',
  'function.sink-task.name': 'LambdaConnect-sink-task',
  'kafka.clusterArn': 'arn:aws:kafka:eu-west-1:123456789012:cluster/orders/0a1b2c3d-1111-2222-3333-444455556666-7',
  'kafka.subnetIds': 'subnet-1,subnet-2',
  'kafka.securityGroupIds': 'sg-1',
  'api.basicAuthSecretArn': 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users-AbCdEf',
  'restartStateMachine.arn': 'arn:aws:states:eu-west-1:123456789012:stateMachine:Restarts',
  'kafka.bootstrapServers': 'b-1:9098,b-2:9098',
  'kafka.auth': 'msk-iam',
  'kafka.tls': 'true',
  'kafka.secretArn': 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:k-AbCdEf',
};

const envOf = (environment: Record<string, EnvValue>): Record<string, string> =>
  Object.fromEntries(Object.entries(environment).map(([name, v]) => [name, 'value' in v ? v.value : SAMPLE_BINDINGS[v.bind]!]));

describe('the function manifest', () => {
  it.each(FUNCTION_IDS)('%s names an existing entry that exports its handler', async (id) => {
    const spec = FUNCTIONS[id];
    expect(existsSync(spec.entry)).toBe(true);
    const module = (await import(/* @vite-ignore */ resolve(spec.entry))) as Record<string, unknown>;
    expect(typeof module[spec.handler]).toBe('function');
  });

  it.each(FUNCTION_IDS)('%s: every variable it sets is one the code reads', (id) => {
    const env = envOf(FUNCTIONS[id].environment);
    const base = JSON.stringify(settingsFromEnv(env));
    for (const name of Object.keys(env).filter((n) => !NOT_READ_BY_SETTINGS.has(n))) {
      expect(JSON.stringify(settingsFromEnv({ ...env, [name]: `${env[name]}-changed` })), name).not.toBe(base);
    }
  });

  it.each(FUNCTION_IDS)('%s: KAFKA_TLS, set wherever KAFKA_AUTH is, is what the runtime reads as TLS', (id) => {
    const env = { ...envOf(FUNCTIONS[id].environment), KAFKA_AUTH: 'scram-sha-512' };
    expect(Object.keys(env)).toContain('KAFKA_TLS');
    expect(settingsFromEnv({ ...env, KAFKA_TLS: 'true' }).kafkaAuth.tls).toBe(true);
    expect(settingsFromEnv({ ...env, KAFKA_TLS: 'false' }).kafkaAuth.tls).toBe(false);
  });

  it('gives connect-api the API URL as its advertised URL, as Kafka builds it from rest.advertised.*', () => {
    expect(settingsFromEnv(envOf(FUNCTIONS['connect-api'].environment)).rest.advertisedUrl).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com:443');
  });

  it('gives the source functions the table, the brokers (the dispatcher lists topics for its sink reconcile) and the source-task function', () => {
    for (const id of ['source-task', 'source-dispatcher'] as const) {
      expect(settingsFromEnv(envOf(FUNCTIONS[id].environment))).toMatchObject({ tableName: 'lc-state', kafkaBrokers: ['b-1:9098', 'b-2:9098'], source: { taskFunctionName: 'LambdaConnect-source-task' } });
    }
  });

  it('lets functions invoke only manifest functions, and every function without a trigger is invoked by one', () => {
    // (restart-step's trigger is the restart state machine.)
    const invoked = new Set(FUNCTION_IDS.flatMap((id) => FUNCTIONS[id].access.invoke ?? []));
    for (const target of invoked) expect(FUNCTION_IDS).toContain(target);
    for (const id of FUNCTION_IDS.filter((f) => FUNCTIONS[f].triggers.length === 0)) expect(invoked).toContain(id);
  });

  it('gives the functions that reconcile sink mappings the sink-task function and where mappings poll from', () => {
    for (const id of FUNCTION_IDS.filter((f) => FUNCTIONS[f].access.sinkMappings)) {
      expect(settingsFromEnv(envOf(FUNCTIONS[id].environment)).sink, id).toMatchObject({
        taskFunctionName: 'LambdaConnect-sink-task',
        mappings: 'lambda',
        eventSource: {
          clusterArn: SAMPLE_BINDINGS['kafka.clusterArn'],
          bootstrapServers: ['b-1:9098', 'b-2:9098'],
          auth: 'msk-iam',
          subnetIds: ['subnet-1', 'subnet-2'],
          securityGroupIds: ['sg-1'],
        },
      });
    }
    expect(FUNCTION_IDS.filter((f) => FUNCTIONS[f].access.sinkMappings).sort()).toEqual(['connect-api', 'restart-step', 'sink-task', 'source-dispatcher']);
  });

  it("spells out V8's heap limits for the pipeline functions as Lambda's bootstrap derives them from the memory", () => {
    // A tenth of the memory for the young generation (two semi-spaces), the rest for the old space.
    expect(heapOptions(1024)).toBe('--max-semi-space-size=51 --max-old-space-size=922');
    expect(heapOptions(2048)).toBe('--max-semi-space-size=102 --max-old-space-size=1844');
    for (const id of ['source-task', 'sink-task'] as const) {
      const spec = FUNCTIONS[id];
      expect(spec.environment.NODE_OPTIONS, id).toEqual({ value: `--enable-source-maps ${heapOptions(spec.memoryMb)}` });
    }
    for (const id of FUNCTION_IDS.filter((f) => f !== 'source-task' && f !== 'sink-task')) {
      expect(FUNCTIONS[id].environment.NODE_OPTIONS, id).toEqual({ value: '--enable-source-maps' });
    }
  });

  it('sets heap limits Node takes from NODE_OPTIONS', () => {
    const options = (FUNCTIONS['sink-task'].environment.NODE_OPTIONS as { value: string }).value;
    const limitMb = (nodeOptions: string): number => {
      const run = spawnSync(process.execPath, ['-p', "require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20"], {
        env: { PATH: process.env.PATH, NODE_OPTIONS: nodeOptions }, encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      return Number(run.stdout);
    };
    // The old space and the young generation (a few semi-spaces) together, whatever this machine's default.
    const limit = limitMb(options);
    expect(limit).toBeGreaterThanOrEqual(922 + 51);
    expect(limit).toBeLessThanOrEqual(922 + 4 * 51);
    expect(limitMb(options.replace('--max-semi-space-size=51', '--max-semi-space-size=16'))).toBeLessThan(limit);
  });

  it('gives the basic-auth authorizer its users secret, and nothing of the table or Kafka', () => {
    expect(settingsFromEnv(envOf(BASIC_AUTH_AUTHORIZER.environment)).basicAuth).toEqual({ secretId: SAMPLE_BINDINGS['api.basicAuthSecretArn'], cacheTtlMs: 60_000 });
    expect(Object.keys(BASIC_AUTH_AUTHORIZER.environment).sort()).toEqual(['LAMBDA_CONNECT_BASIC_AUTH_SECRET', 'NODE_OPTIONS']);
    expect(BASIC_AUTH_AUTHORIZER.access).toEqual({ stateTable: 'none', basicAuthSecret: true });
    expect(existsSync(BASIC_AUTH_AUTHORIZER.entry)).toBe(true);
  });

  it('scopes mapping permissions to the aliases the sink runtime creates', () => {
    expect(aliasFor('orders-sink')).toMatch(new RegExp(`^${SINK_ALIAS_PREFIX}[0-9a-f]{24}$`));
  });

  it('lets the sink-task function run as long as an event source mapping allows (14 minutes), and only disable mappings', () => {
    expect(FUNCTIONS['sink-task']).toMatchObject({ timeoutSeconds: 840, triggers: [{ type: 'kafkaEventSourceMappings' }], access: { sinkMappings: 'disable', kafkaGroups: 'consume' } });
  });

  it('routes the HTTP API to a function with the httpApi trigger', () => {
    expect(FUNCTIONS[HTTP_API.function].triggers).toContainEqual({ type: 'httpApi' });
    expect(FUNCTION_IDS.filter((id) => FUNCTIONS[id].triggers.some((t) => t.type === 'httpApi'))).toEqual([HTTP_API.function]);
  });

  it('fits Lambda and API Gateway limits', () => {
    for (const id of FUNCTION_IDS) {
      const spec = FUNCTIONS[id];
      expect(spec.timeoutSeconds).toBeLessThanOrEqual(900);
      expect(spec.memoryMb).toBeGreaterThanOrEqual(128);
      expect(spec.memoryMb).toBeLessThanOrEqual(10_240);
    }
    expect(FUNCTIONS[HTTP_API.function].timeoutSeconds).toBeLessThan(30);
  });

  it('cdk.json carries a valid deploy config', () => {
    const cdkJson = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: { lambdaConnect: unknown } };
    expect(parseDeployConfig(cdkJson.context.lambdaConnect)).toEqual({ apiAuth: 'iam' });
  });
});
