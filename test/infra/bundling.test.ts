/**
 * What deploys: `cdk synth` run as a user runs it (cdk.json, infra/bin/app.ts with cdk-nag, offline,
 * no credentials) with real esbuild bundling (infra/bundle.ts as local asset bundling: the manifest's
 * options and our esbuild plugins), each bundle run in a fresh Node process the way Lambda loads it
 * (ESM `index.mjs`, the named handler), against dynalite and a stand-in Lambda API. Also proves the
 * serverless.yml plugin's bundles are byte-identical, so both deployers ship the same code, and that
 * kafkajs's record batches in a bundle get our CRC-32C with the checksums kafkajs's own would give, and
 * its Produce requests our one-pass encoder with the bytes kafkajs's own would write.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { bundleFunction } from '../../infra/bundle.ts';
import { FAST_CRC32C_MARKER, FAST_PRODUCE_REQUEST_MARKER, LINEAR_GROUPING_MARKER, ONE_COPY_FRAMING_MARKER } from '../../infra/esbuild-plugins.ts';
import { encodeProduceRequest, type ProduceRequestArgs } from '#lib/kafka/produce-request-encoder';
import { asKafkajsEncoder } from '#lib/kafka/kafkajs-encoder';
import { kafkajsFrameRequest } from '#lib/kafka/kafkajs-request-framing';
import { FUNCTIONS, type FunctionId } from '../../infra/functions.manifest.ts';
import { ensureTable } from '#lib/store/dynamodb/table';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';
import { FUNCTION_IDS } from './support/synth-stack.ts';

const run = promisify(execFile);
const TABLE = 'bundled-state';
/** The stack name cdk.json's config gives (the default). */
const STACK = 'LambdaConnect';

/** Runs `handler(event, context)` of a bundle in a child process; prints the result or the error as JSON. */
const RUNNER = `
const [bundle, eventJson] = process.argv.slice(1);
const { handler } = await import(bundle);
const context = { awsRequestId: 'req-1', functionName: 'fn', invokedFunctionArn: process.env.INVOKED_FUNCTION_ARN ?? 'arn:aws:lambda:us-east-1:123456789012:function:fn', getRemainingTimeInMillis: () => 60000 };
try {
  process.stdout.write(JSON.stringify({ result: await handler(JSON.parse(eventJson), context) }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: String(error && error.message) }));
}`;

let outdir: string;
let bundles: Record<FunctionId, string>;
let dynalite: DynaliteInstance;
let lambdaApi: Server;
const invocations: unknown[] = [];

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'lambda-connect-synth-'));
  // The CLI as a user runs it: cdk.json, infra/bin/app.ts (with cdk-nag), local esbuild, no credentials.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('CDK_')));
  await run(process.execPath, ['node_modules/aws-cdk/bin/cdk', 'synth', '--quiet', '--output', outdir], { env, timeout: 120_000 });
  const template = JSON.parse(readFileSync(join(outdir, `${STACK}.template.json`), 'utf8')) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
  const entries = Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function')
    .map((r) => {
      const id = String(r.Properties.FunctionName).replace(`${STACK}-`, '') as FunctionId;
      const key = String((r.Properties.Code as { S3Key: string }).S3Key).replace(/\.zip$/, '');
      return [id, join(outdir, `asset.${key}`, 'index.mjs')] as const;
    });
  bundles = Object.fromEntries(entries) as Record<FunctionId, string>;

  dynalite = await startDynalite();
  await ensureTable(dynalite.client, TABLE);
  lambdaApi = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      invocations.push({ url: req.url, type: req.headers['x-amz-invocation-type'], payload: JSON.parse(body) });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => lambdaApi.listen(0, '127.0.0.1', resolve));
}, 120_000);

afterAll(async () => {
  await dynalite?.stop();
  await new Promise((resolve) => lambdaApi?.close(resolve));
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

async function invoke(id: FunctionId, event: unknown, extraEnv: Record<string, string> = {}): Promise<{ result?: unknown; error?: string }> {
  const env = {
    ...extraEnv,
    PATH: process.env.PATH,
    NODE_OPTIONS: '--enable-source-maps',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    LAMBDA_CONNECT_TABLE: TABLE,
    DYNAMODB_ENDPOINT: dynalite.endpoint,
    LAMBDA_ENDPOINT: `http://127.0.0.1:${(lambdaApi.address() as AddressInfo).port}`,
    SOURCE_TASK_FUNCTION: `${STACK}-source-task`,
    LOG_LEVEL: 'ERROR',
  };
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', RUNNER, `file://${bundles[id]}`, JSON.stringify(event)], { env, timeout: 30_000 });
  return JSON.parse(stdout) as { result?: unknown; error?: string };
}

function apiEvent(method: string, path: string, body?: unknown): unknown {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'abc123.execute-api.eu-west-1.amazonaws.com' },
    requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'test' }, requestId: 'r', routeKey: '$default', stage: '$default' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
  };
}

describe('the bundles cdk synth builds', () => {
  it('are ES modules with a source map, no #lib/ import left and the AWS SDK inside', () => {
    for (const id of FUNCTION_IDS) {
      const code = readFileSync(bundles[id], 'utf8');
      expect(code.startsWith("import { createRequire as __lcCreateRequire } from 'node:module'")).toBe(true);
      expect(readFileSync(`${bundles[id]}.map`, 'utf8').length).toBeGreaterThan(0);
      expect(code).not.toMatch(/["']#lib\//);
      expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
      expect(code.length).toBeLessThan(5 * 1024 * 1024);
    }
  });

  it("have our CRC-32C in place of kafkajs's byte-wise one", () => {
    for (const id of FUNCTION_IDS) {
      const code = readFileSync(bundles[id], 'utf8');
      expect(code).toContain(FAST_CRC32C_MARKER);
      // The second entry of kafkajs's byte-wise table (0xf26b8303), as esbuild prints it either way.
      expect(code).not.toMatch(/\b(4067132163|0xf26b8303)\b/i);
    }
  });

  it("have our one-pass Produce request encoder around kafkajs's, our grouping by partition and request framing in place of kafkajs's", () => {
    for (const id of FUNCTION_IDS) {
      const code = readFileSync(bundles[id], 'utf8');
      expect(code).toContain(FAST_PRODUCE_REQUEST_MARKER);
      expect(code).toContain(LINEAR_GROUPING_MARKER);
      expect(code).toContain(ONE_COPY_FRAMING_MARKER);
    }
  });

  it('connect-api answers the Connect REST API over the state table', async () => {
    const created = await invoke('connect-api', apiEvent('POST', '/connectors', { name: 'lines', config: { 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: '/tmp/in.txt', topic: 'lines' } }));
    expect(created.result).toMatchObject({ statusCode: 201 });
    const listed = await invoke('connect-api', apiEvent('GET', '/connectors'));
    expect(listed.result).toMatchObject({ statusCode: 200, body: '["lines"]' });
  });

  it('source-dispatcher finds the running source task and invokes source-task asynchronously', async () => {
    const dispatched = await invoke('source-dispatcher', { source: 'aws.events', 'detail-type': 'Scheduled Event' });
    expect(dispatched.result).toEqual({ sources: { invoked: [{ connector: 'lines', taskId: 0, generation: 1 }], failed: [] } });
    expect(invocations).toContainEqual({
      url: `/2015-03-31/functions/${STACK}-source-task/invocations`,
      type: 'Event',
      payload: { connector: 'lines', taskId: 0, generation: 1 },
    });
  });

  it('source-task loads and answers a malformed event with its own validation error', async () => {
    expect(await invoke('source-task', {})).toEqual({ error: expect.stringMatching(/Invalid source task event/) });
  });

  it('sink-task decodes an MSK event and refuses a batch for an alias no connector has, so the mapping commits nothing', async () => {
    const event = JSON.parse(readFileSync('test/fixtures/msk/msk-event.json', 'utf8')) as unknown;
    const invokedArn = `arn:aws:lambda:us-east-1:123456789012:function:${STACK}-sink-task:lc-000000000000000000000000`;
    expect(await invoke('sink-task', event, { INVOKED_FUNCTION_ARN: invokedArn })).toEqual({ error: expect.stringMatching(/No sink connector has the alias lc-000000000000000000000000/) });
  });

  it('restart-step runs a restart step over the state table, and rejects a malformed payload', async () => {
    const input = { connector: 'nobody', incarnation: 'x', generation: 1, restartConnector: false, tasks: [], reason: 'requested', backoffSeconds: 0, poll: { waitSeconds: 1, maxPolls: 1 } };
    expect(await invoke('restart-step', { step: 'check-tasks', input })).toEqual({ result: { settled: true, polls: 1 } });
    expect(await invoke('restart-step', { step: 'nap' })).toEqual({ error: expect.stringMatching(/A restart step expects/) });
  });
});

describe('the serverless.yml plugin', () => {
  it.each(Object.keys(FUNCTIONS) as FunctionId[])('bundles %s byte for byte as cdk synth does', async (id) => {
    const dir = await mkdtemp(join(tmpdir(), 'lambda-connect-sls-'));
    try {
      const file = await bundleFunction(FUNCTIONS[id], process.cwd(), dir);
      expect(readFileSync(file).equals(readFileSync(bundles[id]))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Encodes a kafkajs record batch and computes the RFC 3720 B.4 vectors with the bundled crc32C module. */
const CRC_RUNNER = `
const [bundle] = process.argv.slice(1);
const { default: { RecordBatch, Record, crc } } = await import(bundle);
const records = Array.from({ length: 20 }, (_, i) => Record({ offsetDelta: i, key: Buffer.from('k' + i), value: Buffer.alloc(100 + i, i), headers: { h: Buffer.from('v') } }));
const batch = (await RecordBatch({ records, firstTimestamp: 1700000000000, maxTimestamp: 1700000000019, lastOffsetDelta: 19 })).buffer;
const vectors = [Buffer.alloc(32), Buffer.alloc(32, 0xff), Buffer.from(Array.from({ length: 32 }, (_, i) => i)), Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i))];
process.stdout.write(JSON.stringify({ implementation: crc.implementation, vectors: vectors.map((v) => crc(v)), batch: batch.toString('hex') }));`;

describe("the esbuild plugin that replaces kafkajs's CRC-32C", () => {
  /** kafkajs's own byte-wise implementation, unbundled: the reference. */
  const byteWise = createRequire(import.meta.url)('kafkajs/src/protocol/recordBatch/crc32C/crc32C.js') as (bytes: Buffer) => number;

  it("gives a bundled kafkajs record batch the checksum kafkajs's own would, and the RFC 3720 B.4 checksums", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambda-connect-crc-'));
    try {
      const file = await bundleFunction({ entry: 'test/infra/support/kafkajs-record-batch.cjs' }, process.cwd(), dir);
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', CRC_RUNNER, `file://${file}`], { timeout: 30_000 });
      const out = JSON.parse(stdout) as { implementation: string; vectors: number[]; batch: string };
      expect(out.implementation).toBe(FAST_CRC32C_MARKER);
      expect(out.vectors).toEqual([0x8a9136aa, 0x62a8ab43, 0x46dd794e, 0x113fdb5c]);
      const batch = Buffer.from(out.batch, 'hex');
      // firstOffset int64, length int32, partitionLeaderEpoch int32, magic int8, then the CRC of the rest
      expect(batch.readUInt32BE(17)).toBe(byteWise(batch.subarray(21)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses to bundle kafkajs's byte-wise module reached by a path it does not recognise", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambda-connect-crc-'));
    try {
      await expect(bundleFunction({ entry: 'test/infra/support/kafkajs-crc-by-another-path.cjs' }, process.cwd(), dir)).rejects.toThrow(/byte-wise CRC-32C .*would be bundled/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A Produce request as kafkajs's producer hands it over: producerId as InitProducerId's decimal string. */
const PRODUCE_ARGS: ProduceRequestArgs = {
  acks: -1,
  timeout: 30_000,
  producerId: '4242',
  producerEpoch: 3,
  compression: 0,
  topicData: [
    {
      topic: 'orders',
      partitions: [
        { partition: 2, firstSequence: 10, messages: [{ key: 'k1', value: 'v1', timestamp: '1700000000001', headers: { h: 'x' } }, { key: null, value: 'v2', timestamp: '1700000000000' }] },
        { partition: 0, firstSequence: 0, messages: [{ value: 'only', timestamp: '1700000000005', headers: { a: ['1', '2'] } }] },
      ],
    },
  ],
};

/** Encodes PRODUCE_ARGS as Produce v3 and v7 with the bundled kafkajs; reports which encoder ran. */
const PRODUCE_RUNNER = `
const [bundle, argsJson] = process.argv.slice(1);
const { default: { produce, frame } } = await import(bundle);
const args = JSON.parse(argsJson);
const hex = [];
for (const version of [3, 7]) hex.push(Buffer.from((await produce.protocol({ version })(args).request.encode()).buffer).toString('hex'));
const framed = Buffer.from((await frame({ correlationId: 9, clientId: 'lambda-connect', request: produce.protocol({ version: 7 })(args).request })).buffer).toString('hex');
const counts = globalThis[Symbol.for('lambda-connect.kafkajs.produce-request')];
process.stdout.write(JSON.stringify({ hex, framed, framing: frame.implementation, encoded: counts }));`;

describe("the esbuild plugin that wraps kafkajs's Produce request", () => {
  it('gives every Produce version in a bundle our encoder and framing, writing the bytes kafkajs writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambda-connect-produce-'));
    try {
      const file = await bundleFunction({ entry: 'test/infra/support/kafkajs-produce-request.cjs' }, process.cwd(), dir);
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', PRODUCE_RUNNER, `file://${file}`, JSON.stringify(PRODUCE_ARGS)], { timeout: 30_000 });
      const out = JSON.parse(stdout) as { hex: string[]; framed: string; framing: string; encoded: { onePass: number; kafkajs: number } };
      expect(out.encoded).toEqual({ onePass: 3, kafkajs: 0 });
      const body = encodeProduceRequest(PRODUCE_ARGS) as Buffer;
      expect(out.hex).toEqual([body.toString('hex'), body.toString('hex')]);
      // Framed as kafkajs frames it (unbundled, its own function): size, api key 0, version 7, correlation id, client id, body.
      expect(out.framing).toBe(ONE_COPY_FRAMING_MARKER);
      const framed = await kafkajsFrameRequest()({ correlationId: 9, clientId: 'lambda-connect', request: { apiKey: 0, apiVersion: 7, encode: () => Promise.resolve(asKafkajsEncoder(body)) } });
      expect(out.framed).toBe(framed.buffer.toString('hex'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
