/**
 * A fresh PostgreSQL database per test file. Uses the server at 127.0.0.1:5432 when one answers
 * (or the admin URL in LAMBDA_CONNECT_TEST_PG_URL), creating a uniquely named database and dropping
 * it afterwards. Otherwise starts a throwaway cluster from the Debian binaries
 * (/usr/lib/postgresql/<v>/bin: initdb as the `postgres` user when running as root, own port and
 * socket directory, trust auth, fsync off) and removes it afterwards. Without either, fails with
 * the package to install.
 */
import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

const run = promisify(execFile);
const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const POSTGRES_APT_PACKAGE = 'postgresql';

export interface PostgresTestDatabase {
  /** postgres://user@host:port/database */
  readonly url: string;
  /** jdbc:postgresql://host:port/database?user=… (what connection.url takes) */
  readonly jdbcUrl: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /** A pool on the test database, for arranging and checking data. */
  readonly pool: pg.Pool;
  cleanup(): Promise<void>;
}

/** Registers beforeAll/afterAll hooks; the returned object is usable inside tests and later hooks. */
export function usePostgres(): PostgresTestDatabase {
  let db: PostgresTestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await db?.cleanup();
  });
  const current = (): PostgresTestDatabase => {
    if (!db) throw new Error('usePostgres(): the database is created in beforeAll; use it inside tests and hooks');
    return db;
  };
  return {
    get url() { return current().url; },
    get jdbcUrl() { return current().jdbcUrl; },
    get host() { return current().host; },
    get port() { return current().port; },
    get database() { return current().database; },
    get user() { return current().user; },
    get pool() { return current().pool; },
    cleanup: () => current().cleanup(),
  };
}

export async function createTestDatabase(): Promise<PostgresTestDatabase> {
  const adminUrl = process.env.LAMBDA_CONNECT_TEST_PG_URL ?? DEFAULT_ADMIN_URL;
  if (await answers(adminUrl)) return databaseOn(adminUrl, async () => undefined);
  const cluster = await startThrowawayCluster();
  return databaseOn(cluster.adminUrl, cluster.stop);
}

async function databaseOn(adminUrl: string, stopServer: () => Promise<void>): Promise<PostgresTestDatabase> {
  const admin = new URL(adminUrl);
  const database = `lc_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${database}`));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const user = decodeURIComponent(admin.username) || 'postgres';
  const host = admin.hostname;
  const port = Number(admin.port || 5432);
  const password = admin.password ? `&password=${admin.password}` : '';
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  pool.on('error', () => undefined);
  return {
    url: url.toString(),
    jdbcUrl: `jdbc:postgresql://${host}:${port}/${database}?user=${encodeURIComponent(user)}${password}`,
    host,
    port,
    database,
    user,
    pool,
    async cleanup() {
      await pool.end().catch(() => undefined);
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
      await stopServer();
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    await withClient(url, (c) => c.query('SELECT 1'), 2000);
    return true;
  } catch {
    return false;
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function postgresBinDir(): Promise<string | undefined> {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = (await readdir(root)).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** initdb + pg_ctl start on a temp dir (~1 s); `stop` shuts it down and deletes the directory. */
async function startThrowawayCluster(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const bin = await postgresBinDir();
  if (bin === undefined) {
    throw new Error(
      `PostgreSQL is not available for the tests: nothing answers at ${DEFAULT_ADMIN_URL} (or LAMBDA_CONNECT_TEST_PG_URL) and no PostgreSQL binaries were found under /usr/lib/postgresql/*/bin. ` +
        `Install them with: apt-get install -y ${POSTGRES_APT_PACKAGE}`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'lc-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUid() : undefined;
  if (owner) await chown(dir, owner.uid, owner.gid);
  await chmod(dir, 0o700);
  const port = await freePort();
  const data = join(dir, 'data');
  const as = (command: string, args: string[]): Promise<unknown> => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args));
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  await as('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
  const stop = async (): Promise<void> => {
    await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

async function postgresUid(): Promise<{ uid: number; gid: number }> {
  try {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    return { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
  } catch {
    throw new Error(`Running as root, the tests start PostgreSQL as the 'postgres' user, which does not exist. Install the Debian package: apt-get install -y ${POSTGRES_APT_PACKAGE}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
