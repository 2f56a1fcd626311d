import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCommandLineFiles } from '#lib/standalone/command-line-files';

let dir: string;
let worker: string;
let connector: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-files-'));
  worker = join(dir, 'connect-standalone.properties');
  connector = join(dir, 'connector.properties');
  await writeFile(worker, 'bootstrap.servers=localhost:9092\nkey.converter=org.apache.kafka.connect.json.JsonConverter\n');
  await writeFile(connector, 'name=c1\nconnector.class=FileStreamSource\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readCommandLineFiles', () => {
  it('reads the worker file given with --worker', async () => {
    const files = await readCommandLineFiles(worker, [connector]);
    expect(files.worker['bootstrap.servers']).toBe('localhost:9092');
    expect(files.connectors.map((c) => c.name)).toEqual(['c1']);
  });

  it("takes a first file that is a worker config as the worker file, like connect-standalone's arguments", async () => {
    const files = await readCommandLineFiles(undefined, [worker, connector]);
    expect(files.workerFile).toBe(worker);
    expect(files.connectors.map((c) => c.name)).toEqual(['c1']);
  });

  it('reads a first file with a name as a connector', async () => {
    const files = await readCommandLineFiles(undefined, [connector]);
    expect(files.workerFile).toBeUndefined();
    expect(files.worker).toEqual({});
    expect(files.connectors).toHaveLength(1);
  });
});
