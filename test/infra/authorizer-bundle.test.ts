/**
 * The basic-auth authorizer as Lambda runs it: bundled with the manifest's esbuild options (what both
 * deployers ship), loaded in a fresh Node process, given API Gateway's authorizer event (payload 2.0),
 * reading its users from a local server that speaks the Secrets Manager JSON protocol.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../infra/bundle.ts';
import { BASIC_AUTH_AUTHORIZER } from '../../infra/functions.manifest.ts';
import { basicAuthorization } from '#lib/rest/auth/basic-credentials';
import { useHttpServer } from '#test/support/http-server';

const run = promisify(execFile);
const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-users-AbCdEf';
const RUNNER = `
const [bundle, eventJson] = process.argv.slice(1);
const { handler } = await import(bundle);
try {
  process.stdout.write(JSON.stringify({ result: await handler(JSON.parse(eventJson), { awsRequestId: 'r', getRemainingTimeInMillis: () => 9000 }) }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: String(error && error.message) }));
}`;

let outdir: string;
let bundle: string;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'lambda-connect-authorizer-'));
  bundle = await bundleFunction(BASIC_AUTH_AUTHORIZER, process.cwd(), outdir);
}, 60_000);

afterAll(async () => {
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

function authorizerEvent(authorization: string): unknown {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:eu-west-1:123456789012:abc123/$default/GET/connectors',
    identitySource: [authorization],
    routeKey: 'ANY /{proxy+}',
    rawPath: '/connectors',
    rawQueryString: '',
    headers: { authorization, host: 'abc123.execute-api.eu-west-1.amazonaws.com' },
    requestContext: { http: { method: 'GET', path: '/connectors', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'curl' }, requestId: 'r', routeKey: 'ANY /{proxy+}', stage: '$default' },
  };
}

describe('the bundled basic-auth authorizer', () => {
  const secrets = useHttpServer();
  const invoke = async (authorization: string, env: Record<string, string> = {}) => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', RUNNER, `file://${bundle}`, JSON.stringify(authorizerEvent(authorization))], {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
        AWS_MAX_ATTEMPTS: '1',
        LAMBDA_CONNECT_BASIC_AUTH_SECRET: SECRET,
        ...env,
      },
      timeout: 30_000,
    });
    return JSON.parse(stdout) as { result?: unknown; error?: string };
  };
  const users = () =>
    secrets.respondWith({ status: 200, body: JSON.stringify({ ARN: SECRET, SecretString: JSON.stringify({ users: [{ username: 'connect', password: 'pa:ss' }] }) }), headers: { 'content-type': 'application/x-amz-json-1.1' } });

  it('answers isAuthorized true with the username for a stored user', async () => {
    users();
    expect(await invoke(basicAuthorization({ username: 'connect', password: 'pa:ss' }))).toEqual({ result: { isAuthorized: true, context: { username: 'connect' } } });
    expect(JSON.parse(secrets.requests[0]!.body)).toEqual({ SecretId: SECRET });
  });

  it('answers isAuthorized false for a wrong password and for a header that is not basic auth', async () => {
    users();
    expect(await invoke(basicAuthorization({ username: 'connect', password: 'pass' }))).toEqual({ result: { isAuthorized: false } });
    users();
    expect(await invoke('Bearer abc')).toEqual({ result: { isAuthorized: false } });
  });

  it('fails (API Gateway: 500, the API stays closed) when the secret is malformed', async () => {
    secrets.respondWith({ status: 200, body: JSON.stringify({ ARN: SECRET, SecretString: 'not json' }), headers: { 'content-type': 'application/x-amz-json-1.1' } });
    expect(await invoke(basicAuthorization({ username: 'connect', password: 'pa:ss' }))).toEqual({ error: expect.stringMatching(/basic-auth secret .* is not JSON/) });
  });

  it('fails when it was deployed without a secret', async () => {
    expect(await invoke('Basic YTpi', { LAMBDA_CONNECT_BASIC_AUTH_SECRET: '' })).toEqual({ error: expect.stringMatching(/LAMBDA_CONNECT_BASIC_AUTH_SECRET is not set/) });
  });
});
