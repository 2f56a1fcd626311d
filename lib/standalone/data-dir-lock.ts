/**
 * One standalone process per data directory. LevelDB locks its files too, but dynalite only finds out on
 * the first request and then crashes the process; this lock fails early with a message instead.
 *
 * The lock file holds the owner's pid and its start time from /proc (where available), so a lock left by
 * a killed process is recognised as stale even when its pid was reused (pid 1 in every container run).
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError } from './errors';

interface LockOwner {
  pid: number;
  hostname: string;
  /** Field 22 of /proc/<pid>/stat; null where /proc does not exist. */
  startTime: string | null;
}

export interface DataDirLock {
  readonly file: string;
  release(): Promise<void>;
}

export const LOCK_FILE = 'standalone.lock';

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, hostname: hostname(), startTime: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return { file, release: () => unlink(file).catch(() => undefined) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = await readOwner(file);
    if (owner && isAlive(owner)) {
      throw new DataDirLockedError(
        `The data directory ${dataDir} is in use by another lambda-connect standalone process (pid ${owner.pid} on ${owner.hostname}). ` +
          `Stop it, or start this one with another --data-dir. If no such process runs, delete ${file}.`,
      );
    }
    await unlink(file).catch(() => undefined);
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dataDir}: ${file} keeps reappearing`);
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number') return undefined;
    return { pid: owner.pid, hostname: owner.hostname ?? '', startTime: owner.startTime ?? null };
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock taken on another host (a shared volume) cannot be checked from here: respect it.
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const startTime = processStartTime(owner.pid);
  return owner.startTime === null || startTime === null || owner.startTime === startTime;
}

function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses; fields after it are plain.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
