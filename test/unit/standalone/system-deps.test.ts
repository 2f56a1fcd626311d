import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutable, isRoot, kcatInstallCommand } from '#lib/standalone/system-deps';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'system-deps-'));
  await writeFile(join(dir, 'tool'), '#!/bin/sh\n');
  await chmod(join(dir, 'tool'), 0o755);
  await writeFile(join(dir, 'plain'), 'not executable');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findExecutable', () => {
  it('finds an executable on the given PATH', () => {
    expect(findExecutable('tool', ['/nonexistent', dir].join(delimiter))).toBe(join(dir, 'tool'));
  });

  it('ignores files that are not executable and names that are absent', () => {
    expect(findExecutable('plain', dir)).toBeUndefined();
    expect(findExecutable('absent', dir)).toBeUndefined();
  });
});

describe('kcatInstallCommand', () => {
  it.runIf(process.platform === 'linux')('uses apt-get, through sudo unless running as root', () => {
    expect(kcatInstallCommand()).toBe(isRoot() ? 'apt-get update && apt-get install -y kcat' : 'sudo apt-get update && sudo apt-get install -y kcat');
  });
});
