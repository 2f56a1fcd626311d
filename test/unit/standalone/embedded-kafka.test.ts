import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedKafka } from '#lib/standalone/embedded-kafka';
import { MissingSystemDependencyError, StandaloneError } from '#lib/standalone/errors';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fake-kcat-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fakeKcat(name: string, script: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

describe('startEmbeddedKafka', () => {
  it('says how to install kcat when it is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = dir;
    try {
      const error = await startEmbeddedKafka().catch((err: unknown) => err);
      expect(error).toBeInstanceOf(MissingSystemDependencyError);
      expect((error as Error).message).toMatch(/apt-get install -y kcat|brew install kcat/);
      expect((error as Error).message).toContain('KAFKA_BROKERS');
    } finally {
      process.env.PATH = path;
    }
  });

  it("reports kcat's stderr when kcat exits before announcing the cluster", async () => {
    const kcatPath = await fakeKcat('exits', 'echo "%3|1|ERROR|x| no such option" >&2; exit 1');
    const error = await startEmbeddedKafka({ kcatPath }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StandaloneError);
    expect((error as StandaloneError).code).toBe('KAFKA_START_FAILED');
    expect((error as Error).message).toContain('no such option');
  });

  it('gives up after the start timeout with what kcat printed', async () => {
    const kcatPath = await fakeKcat('hangs', 'echo "%4|1|WARN|x| still thinking" >&2; exec sleep 30');
    const error = await startEmbeddedKafka({ kcatPath, startTimeoutMs: 300 }).catch((err: unknown) => err);
    expect((error as Error).message).toMatch(/within 300 ms[\s\S]*still thinking/);
  });

  it('returns the announced addresses', async () => {
    const kcatPath = await fakeKcat(
      'announces',
      'echo "%5|1|MOCK|x| [thrd:app]: Mock cluster enabled: original bootstrap.servers and security.protocol ignored and replaced with 127.0.0.1:1111,127.0.0.1:2222" >&2; exec sleep 30',
    );
    const kafka = await startEmbeddedKafka({ kcatPath });
    await kafka.stop();
    expect(kafka.bootstrapServers).toEqual(['127.0.0.1:1111', '127.0.0.1:2222']);
  });
});
