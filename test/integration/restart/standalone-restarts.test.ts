/**
 * Standalone mode runs requested restarts through the restart state machine's own definition
 * (aws-local-stepfunctions in the CLI's process), and the restarted source task runs again in-process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedKafka, type EmbeddedKafka } from '#lib/standalone/embedded-kafka';

const BIN = join(import.meta.dirname, '../../../bin/lambda-connect.js');
let dir: string;
let kafka: EmbeddedKafka;
let output = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standalone-restarts-'));
  kafka = await startEmbeddedKafka();
});
afterAll(async () => {
  await kafka?.stop();
  await rm(dir, { recursive: true, force: true });
});

function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env, KAFKA_BROKERS: kafka.bootstrapServers.join(','), LAMBDA_CONNECT_DISPATCH_INTERVAL_MS: '60000', LAMBDA_CONNECT_RESTART_POLL_SECONDS: '1', LOG_LEVEL: 'INFO' };
  const child = spawn(process.execPath, [BIN, 'standalone', '--port', '0', '--data-dir', join(dir, 'data'), ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}:\n${output}`)));
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`Timed out waiting for ${what}:\n${output}`);
}

async function task0(url: string): Promise<{ state: string; worker_id: string } | undefined> {
  const response = await fetch(`${url}/connectors/lines/status`);
  if (!response.ok) return undefined;
  return ((await response.json()) as { tasks: { state: string; worker_id: string }[] }).tasks[0];
}

describe('restarts in standalone mode', () => {
  it('run the restart state machine in-process: 202 with the plan, then the task RUNNING again', async () => {
    const lines = join(dir, 'lines.txt');
    await writeFile(lines, 'one\ntwo\n');
    const connector = join(dir, 'lines.properties');
    await writeFile(connector, `name=lines\nconnector.class=FileStreamSource\nfile=${lines}\ntopic=standalone-restart-lines\n`);
    const { child, url } = await startCli([connector]);
    try {
      // The dispatcher ticks once a minute here: a new window within the test comes from the restart itself.
      const before = await until('the task to run', async () => ((await task0(url))?.state === 'RUNNING' ? task0(url) : undefined));

      const answer = await fetch(`${url}/connectors/lines/restart?includeTasks=true`, { method: 'POST' });

      expect(answer.status).toBe(202);
      expect(await answer.json()).toMatchObject({ connector: { state: 'RESTARTING' }, tasks: [{ id: 0, state: 'RESTARTING' }] });
      await until('the restart execution', async () => (/Restart of lines started as restart-lines-/.test(output) ? true : undefined));
      const after = await until('a new window of the task', async () => {
        const current = await task0(url);
        return current?.state === 'RUNNING' && current.worker_id !== before.worker_id ? current : undefined;
      });
      expect(after.worker_id).not.toBe(before.worker_id);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  });
});
