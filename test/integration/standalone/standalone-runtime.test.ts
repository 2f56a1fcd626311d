import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpApiHandler } from '#lib/standalone/http-server';
import { startStandalone, type StandaloneOptions } from '#lib/standalone/standalone-runtime';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'standalone-runtime-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A stand-in REST API: accepts every PUT of a config except for connectors named `reject-*`. */
const fakeApi: HttpApiHandler = async (event) => {
  const name = decodeURIComponent(event.rawPath.split('/')[2] ?? '');
  if (name.startsWith('reject-')) return { statusCode: 400, body: JSON.stringify({ error_code: 400, message: 'Connector configuration is invalid' }) };
  return { statusCode: 201, headers: { 'content-type': 'application/json' }, body: event.body ?? '' };
};

function options(overrides: Partial<StandaloneOptions>): StandaloneOptions {
  return { host: '127.0.0.1', port: 0, dataDir, worker: {}, connectors: [], env: { KAFKA_BROKERS: '127.0.0.1:9092' }, loadHandler: async () => fakeApi, ...overrides };
}

describe('startStandalone', () => {
  it('sets the environment before it loads the handler', async () => {
    const env: Record<string, string | undefined> = { KAFKA_BROKERS: '127.0.0.1:9092' };
    let seen: Record<string, string | undefined> = {};
    const running = await startStandalone(options({ env, loadHandler: async () => ((seen = { ...env }), fakeApi) }));
    await running.stop();
    expect(seen).toMatchObject({
      DYNAMODB_ENDPOINT: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      KAFKA_BROKERS: '127.0.0.1:9092',
      CONNECT_REST_ADVERTISED_PORT: String(running.port),
    });
  });

  it('submits each connector file through the REST API as PUT /connectors/<name>/config', async () => {
    const connectors = [{ file: 'a.properties', name: 'a b', config: { name: 'a b', 'tasks.max': '1' } }];
    const running = await startStandalone(options({ connectors }));
    await running.stop();
    expect(running.connectors).toEqual([{ name: 'a b', file: 'a.properties', created: true }]);
    expect(running.kafka).toEqual({ bootstrapServers: ['127.0.0.1:9092'], source: 'KAFKA_BROKERS' });
  });

  it('stops what it started when a connector is rejected, so the data directory is free again', async () => {
    const connectors = [{ file: 'r.json', name: 'reject-me', config: { name: 'reject-me' } }];
    await expect(startStandalone(options({ connectors }))).rejects.toThrow("r.json: connector 'reject-me' was rejected (HTTP 400): Connector configuration is invalid");
    const again = await startStandalone(options({}));
    await again.stop();
  });
});
