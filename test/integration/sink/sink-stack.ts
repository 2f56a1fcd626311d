/**
 * A standalone-shaped sink stack for integration tests: the REST handler over dynalite (test
 * worker), the mock-cluster broker, in-process event source mappings (LAMBDA_CONNECT_SINK_MAPPINGS
 * =memory) run by the ESM emulator, which invokes the real sink-task handler.
 */
import { readFile } from 'node:fs/promises';
import type { TestKafka } from '#test/support/kafka';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';
import { startStandaloneSinks, type SinkEmulation } from '#lib/standalone/sink-emulation';

export interface SinkStack {
  worker: TestWorker;
  sinks: SinkEmulation;
  stop(): Promise<void>;
}

export async function startSinkStack(kafka: TestKafka): Promise<SinkStack> {
  const worker = await startTestWorker({ KAFKA_BROKERS: kafka.brokers.join(','), LAMBDA_CONNECT_SINK_MAPPINGS: 'memory', LAMBDA_CONNECT_DISPATCH_INTERVAL_MS: '1000' });
  const sinks = await startStandaloneSinks(process.env);
  return {
    worker,
    sinks,
    async stop() {
      await sinks.stop();
      await worker.stop();
    },
  };
}

export async function eventually<T>(fn: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await fn();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(last, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await fn();
  }
  return last;
}

export async function fileLines(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').filter((l) => l !== '');
}
