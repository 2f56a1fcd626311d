/**
 * The environment standalone mode hands to the Lambda handler's composition root (`lib/wiring.ts`,
 * which reads it once): the embedded services' addresses, region and dummy credentials (dynalite
 * checks none, and the SDK must never go looking for real ones), and the worker settings as
 * `CONNECT_*` variables. Variables already set by the user win, except the two addresses standalone
 * itself decides (DYNAMODB_ENDPOINT, KAFKA_BROKERS).
 */
import { hostname } from 'node:os';
import { envName } from '#lib/config/worker-settings';

export interface StandaloneEnvInput {
  dynamodbEndpoint: string;
  tableName: string;
  kafkaBrokers: string[];
  host: string;
  port: number;
  /** worker.properties entries, keys as written. */
  worker: Record<string, string>;
}

type Env = Record<string, string | undefined>;

export function standaloneEnv(input: StandaloneEnvInput, env: Env): Record<string, string> {
  const vars: Record<string, string> = {
    DYNAMODB_ENDPOINT: input.dynamodbEndpoint,
    KAFKA_BROKERS: input.kafkaBrokers.join(','),
  };
  const setDefault = (name: string, value: string): void => {
    if (env[name] === undefined && vars[name] === undefined) vars[name] = value;
  };
  setDefault('LAMBDA_CONNECT_TABLE', input.tableName);
  setDefault('AWS_REGION', 'local');
  // Restarts run the restart state machine's definition in this process (docs/restarts.md).
  setDefault('LAMBDA_CONNECT_RESTARTS', 'local');
  // Sink connectors' event source mappings live in this process and run in its ESM emulator (docs/sink-tasks.md).
  setDefault('LAMBDA_CONNECT_SINK_MAPPINGS', 'memory');
  if (env.AWS_ACCESS_KEY_ID === undefined) {
    vars.AWS_ACCESS_KEY_ID = 'standalone';
    vars.AWS_SECRET_ACCESS_KEY = 'standalone';
  }
  // Where the server really listens; the worker file's `listeners` was already used to choose it.
  setDefault(envName('listeners'), `http://${bracketed(input.host)}:${input.port}`);
  for (const [key, value] of Object.entries(input.worker)) setDefault(envName(key), value);
  setDefault(envName('rest.advertised.host.name'), advertisedHost(input.host));
  setDefault(envName('rest.advertised.port'), String(input.port));
  return vars;
}

/** Puts the variables into `env` (process.env in a real run). */
export function applyEnv(vars: Record<string, string>, env: Env = process.env): void {
  Object.assign(env, vars);
}

/** Kafka advertises the machine's name when the listener binds every interface. */
function advertisedHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '' ? hostname() : host;
}

function bracketed(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
