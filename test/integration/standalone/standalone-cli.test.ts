import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../../bin/lambda-connect.js');

let dir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standalone-cli-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
  brokers: string[];
  output: () => string;
}

/** Runs the CLI and waits for its banner (or its exit). */
function startCli(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'standalone', '--port', '0', '--data-dir', join(dir, 'data'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const brokers = /Kafka bootstrap servers: (\S+)/.exec(output)?.[1];
      if (url && brokers) resolve({ child, url, brokers: brokers.split(','), output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(Object.assign(new Error(`CLI exited with ${code}:\n${output}`), { code, output })));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', resolve));
}

function reachable(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host ?? '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('lambda-connect standalone', () => {
  it('creates the connectors from its files, keeps them across a restart and stops cleanly on SIGINT', async () => {
    const file = join(dir, 'file-source.properties');
    await writeFile(file, 'name=local-file-source\nconnector.class=FileStreamSource\ntasks.max=1\nfile=test.txt\ntopic=connect-test\n');

    const first = await startCli([file]);
    const created = await fetch(`${first.url}/connectors`);
    expect(await created.json()).toEqual(['local-file-source']);
    expect(first.output()).toContain('Created connector local-file-source');
    first.child.kill('SIGINT');
    expect(await exitCode(first.child)).toBe(0);
    expect(await reachable(first.brokers[0] ?? '')).toBe(false);

    const second = await startCli([]);
    const config = await fetch(`${second.url}/connectors/local-file-source/config`);
    expect(await config.json()).toMatchObject({ name: 'local-file-source', topic: 'connect-test' });
    second.child.kill('SIGTERM');
    expect(await exitCode(second.child)).toBe(0);
  });

  it('exits 1 with the REST API message when a connector file is rejected', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ name: 'bad', config: { 'connector.class': 'NoSuchConnector' } }));
    const error = (await startCli([file]).catch((err: unknown) => err)) as { code: number; output: string };
    expect(error.code).toBe(1);
    expect(error.output).toMatch(/bad\.json: connector 'bad' was rejected \(HTTP 400\): .*NoSuchConnector/);
  });

  it('exits 1 naming the file and line of a broken config file, before starting anything', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{\n  "name": "x",\n}\n');
    const error = (await startCli([file]).catch((err: unknown) => err)) as { code: number; output: string };
    expect(error.code).toBe(1);
    expect(error.output).toContain(`${file}:3: invalid JSON`);
  });
});
