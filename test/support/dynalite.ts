/**
 * An in-process dynalite (DynamoDB API on LevelDB) for tests: in memory by default, on disk with `path`.
 * Starts in a few milliseconds; share one per test file and give each test its own table.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

interface DynaliteOptions {
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
  path?: string;
}

// dynalite ships no type declarations; this is the one function of it we use.
const dynalite = createRequire(import.meta.url)('dynalite') as (options: DynaliteOptions) => Server;

export interface StartDynaliteOptions {
  /** Directory for a persistent LevelDB store; omitted = in memory. */
  path?: string;
  /** How long new tables stay CREATING (default 0, as fast as possible). */
  createTableMs?: number;
}

export interface DynaliteInstance {
  endpoint: string;
  /** A client for this endpoint (region us-east-1, dummy credentials). */
  client: DynamoDBClient;
  stop(): Promise<void>;
}

export async function startDynalite(options: StartDynaliteOptions = {}): Promise<DynaliteInstance> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...options });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return {
    endpoint,
    client,
    async stop() {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
