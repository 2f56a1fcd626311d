import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from '#lib/standalone/data-dir-lock';
import { DataDirLockedError } from '#lib/standalone/errors';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('records this process as the owner', async () => {
    const lock = await lockDataDir(dir);
    const owner = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    await lock.release();
    expect(owner.pid).toBe(process.pid);
  });

  it('refuses a directory locked by a live process, naming it', async () => {
    const lock = await lockDataDir(dir);
    try {
      await expect(lockDataDir(dir)).rejects.toThrow(DataDirLockedError);
      await expect(lockDataDir(dir)).rejects.toThrow(`pid ${process.pid}`);
    } finally {
      await lock.release();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, hostname: hostname(), startTime: '1' }));
    const lock = await lockDataDir(dir);
    await lock.release();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to another process', async () => {
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, hostname: hostname(), startTime: 'earlier-run' }));
    const lock = await lockDataDir(dir);
    await lock.release();
  });

  it('can be locked again after release', async () => {
    await (await lockDataDir(dir)).release();
    await (await lockDataDir(dir)).release();
  });
});
