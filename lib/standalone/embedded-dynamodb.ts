/**
 * The embedded DynamoDB: dynalite on a loopback port, its LevelDB files under `<dataDir>/dynamodb`, so
 * connectors, configs, statuses and offsets survive a restart. The state table is created if missing.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type dynaliteFactory from 'dynalite';
import { ensureTable } from '#lib/store/dynamodb/table';
import { lockDataDir } from './data-dir-lock';
import { StandaloneError } from './errors';
import { listenOn } from './listen';

export interface EmbeddedDynamoDbOptions {
  dataDir: string;
  tableName: string;
}

export interface EmbeddedDynamoDb {
  /** `http://127.0.0.1:<port>`, for DYNAMODB_ENDPOINT. */
  endpoint: string;
  stop(): Promise<void>;
}

/** Credentials dynalite accepts (it checks none); set so the SDK never looks for real ones. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'standalone', secretAccessKey: 'standalone' };

export async function startEmbeddedDynamoDb(options: EmbeddedDynamoDbOptions): Promise<EmbeddedDynamoDb> {
  await mkdir(options.dataDir, { recursive: true });
  const lock = await lockDataDir(options.dataDir);
  try {
    const dynalite = await loadDynalite();
    const server = dynalite({ path: join(options.dataDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    const port = await listenOn(server, '127.0.0.1', 0);
    const endpoint = `http://127.0.0.1:${port}`;
    const stopServer = (): Promise<void> => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    const client = new DynamoDBClient({ endpoint, region: process.env.AWS_REGION ?? 'local', credentials: LOCAL_CREDENTIALS });
    try {
      await ensureTable(client, options.tableName, { timeoutMs: 10_000 });
    } catch (err) {
      await stopServer();
      throw err;
    } finally {
      client.destroy();
    }
    return {
      endpoint,
      stop: async () => {
        try {
          await stopServer();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

/** dynalite loads LevelDB's native binding (classic-level) when imported; say so if that fails. */
async function loadDynalite(): Promise<typeof dynaliteFactory> {
  try {
    return (await import('dynalite')).default;
  } catch (err) {
    throw new StandaloneError(
      'MISSING_SYSTEM_DEPENDENCY',
      `The embedded DynamoDB (dynalite) could not be loaded, usually because LevelDB's native binding (classic-level) ` +
        `has no build for this platform: ${(err as Error).message}. Try: npm rebuild classic-level`,
      { cause: err },
    );
  }
}
