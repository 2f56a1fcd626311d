/**
 * Standalone mode runs source tasks in-process: the CLI's scheduler dispatches, windows run the
 * same entry the source-task function runs, SIGINT ends them cleanly (batch finished, offsets
 * committed). The broker outlives the two CLI runs, so a restart's duplicates would show.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from '#lib/kafka/kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedKafka, type EmbeddedKafka } from '#lib/standalone/embedded-kafka';
import { readTopic } from './source-stack';

const BIN = join(import.meta.dirname, '../../../bin/lambda-connect.js');
let dir: string;
let kafka: EmbeddedKafka;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standalone-sources-'));
  kafka = await startEmbeddedKafka();
});
afterAll(async () => {
  await kafka?.stop();
  await rm(dir, { recursive: true, force: true });
});

function startCli(args: string[]): Promise<ChildProcess> {
  const env = { ...process.env, KAFKA_BROKERS: kafka.bootstrapServers.join(','), LAMBDA_CONNECT_DISPATCH_INTERVAL_MS: '200', LOG_LEVEL: 'WARN' };
  const child = spawn(process.execPath, [BIN, 'standalone', '--port', '0', '--data-dir', join(dir, 'data'), ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/listening on http:\/\/\S+/.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  return exited;
}

async function waitForRecords(topic: string, count: number): Promise<void> {
  const admin = new Kafka({ brokers: kafka.bootstrapServers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const offsets = await admin.fetchTopicOffsets(topic).catch(() => []);
      if (offsets.reduce((sum, p) => sum + Number(p.high), 0) >= count) return;
    }
    throw new Error(`${topic} did not reach ${count} records`);
  } finally {
    await admin.disconnect();
  }
}

describe('source tasks in standalone mode', () => {
  it('streams a file into Kafka, stops cleanly on SIGINT and carries on after a restart without repeating a line', async () => {
    const lines = join(dir, 'lines.txt');
    await writeFile(lines, 'one\ntwo\nthree\n');
    const connector = join(dir, 'lines.properties');
    await writeFile(connector, `name=lines\nconnector.class=FileStreamSource\nfile=${lines}\ntopic=standalone-lines\n`);

    const first = await startCli([connector]);
    await waitForRecords('standalone-lines', 3);
    expect(await stop(first)).toBe(0);

    await appendFile(lines, 'four\nfive\n');
    const second = await startCli([]);
    await waitForRecords('standalone-lines', 5);
    expect(await stop(second)).toBe(0);

    const payloads = (await readTopic(kafka.bootstrapServers, 'standalone-lines')).map((r) => (JSON.parse(r.value) as { payload: string }).payload);
    expect(payloads.sort()).toEqual(['five', 'four', 'one', 'three', 'two']);
  });
});
