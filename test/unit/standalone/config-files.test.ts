import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConnectorConfigFile, readWorkerProperties } from '#lib/standalone/config-files';
import { ConfigFileError } from '#lib/standalone/errors';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readConnectorConfigFile', () => {
  it('reads a .properties connector config', async () => {
    const path = await file('file-source.properties', 'name=local-file-source\nconnector.class=FileStreamSource\ntasks.max=1\nfile=test.txt\ntopic=connect-test\n');
    expect(await readConnectorConfigFile(path)).toEqual({
      file: path,
      name: 'local-file-source',
      config: { name: 'local-file-source', 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: 'test.txt', topic: 'connect-test' },
    });
  });

  it("reads POST /connectors' JSON shape and adds the name to the config", async () => {
    const path = await file('post.json', JSON.stringify({ name: 'a', config: { 'connector.class': 'X', 'tasks.max': 2, 'errors.log.enable': true } }));
    expect(await readConnectorConfigFile(path)).toMatchObject({ name: 'a', config: { name: 'a', 'connector.class': 'X', 'tasks.max': '2', 'errors.log.enable': 'true' } });
  });

  it("reads PUT /connectors/{name}/config's flat JSON shape", async () => {
    const path = await file('put.json', JSON.stringify({ name: 'b', 'connector.class': 'X', 'tasks.max': '1' }));
    expect(await readConnectorConfigFile(path)).toMatchObject({ name: 'b', config: { name: 'b', 'connector.class': 'X', 'tasks.max': '1' } });
  });

  it('rejects a JSON config whose two names disagree', async () => {
    const path = await file('mismatch.json', JSON.stringify({ name: 'a', config: { name: 'b' } }));
    await expect(readConnectorConfigFile(path)).rejects.toThrow(/mismatch\.json: 'name' is 'a' but config.name is 'b'/);
  });

  it('rejects a config without a name, naming the file', async () => {
    const props = await file('nameless.properties', 'connector.class=X\n');
    const json = await file('nameless.json', '{"connector.class": "X"}');
    await expect(readConnectorConfigFile(props)).rejects.toThrow(/nameless\.properties: .*no 'name'/);
    await expect(readConnectorConfigFile(json)).rejects.toThrow(/nameless\.json: .*no 'name'/);
  });

  it('reports invalid JSON with the file and line', async () => {
    const path = await file('broken.json', '{\n  "name": "a",\n  "tasks.max": 1,\n}\n');
    const error = await readConnectorConfigFile(path).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as ConfigFileError).line).toBe(4);
    expect((error as Error).message).toContain(`${path}:4: invalid JSON`);
  });

  it('rejects null, array and object values', async () => {
    const path = await file('nested.json', JSON.stringify({ name: 'a', 'transforms.x': { a: 1 } }));
    await expect(readConnectorConfigFile(path)).rejects.toThrow(/'transforms\.x' must be a string, number or boolean, not object/);
  });

  it('reports a malformed escape with the file and line', async () => {
    const path = await file('escape.properties', 'name=a\nbad=\\uZZZZ\n');
    await expect(readConnectorConfigFile(path)).rejects.toThrow(`${path}:2: Malformed`);
  });

  it('says when a file cannot be read', async () => {
    await expect(readConnectorConfigFile(join(dir, 'missing.properties'))).rejects.toThrow(/missing\.properties: cannot read the file: no such file/);
  });

  it('reads ISO-8859-1 files like Java does and ignores a UTF-8 byte order mark', async () => {
    const latin1 = await file('latin1.properties', Buffer.from('name=caf\xe9\n', 'latin1'));
    const bom = await file('bom.properties', '\uFEFFname=x\n');
    expect((await readConnectorConfigFile(latin1)).name).toBe('café');
    expect((await readConnectorConfigFile(bom)).name).toBe('x');
  });
});

describe('readWorkerProperties', () => {
  it('reads every entry of a worker.properties file', async () => {
    const path = await file('worker.properties', 'bootstrap.servers=localhost:9092\nlisteners=http://:8083\nrest.advertised.host.name=connect\n');
    expect(await readWorkerProperties(path)).toEqual({ 'bootstrap.servers': 'localhost:9092', listeners: 'http://:8083', 'rest.advertised.host.name': 'connect' });
  });
});
