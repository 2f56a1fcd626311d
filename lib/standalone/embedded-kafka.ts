/**
 * The embedded Kafka broker: librdkafka's mock cluster, kept alive by a kcat consumer on a keepalive
 * topic. It speaks the Kafka protocol on loopback ports but keeps data in memory only (see
 * /work/shared/reference/local-stack.md for what the mock does not implement).
 *
 * kcat dies with us: stop() ends it, a process 'exit' hook kills it, and where util-linux's setpriv
 * exists it runs with a parent-death signal, so even a SIGKILLed parent leaves no broker behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createLogger } from '#lib/logging/logger';
import { StandaloneError } from './errors';
import { parseMockClusterNotice } from './mock-cluster-notice';
import { findExecutable, missingKcatError } from './system-deps';

export interface EmbeddedKafkaOptions {
  /** Number of brokers in the mock cluster. Default 3. */
  brokers?: number;
  /** How long to wait for the mock cluster's NOTICE line. Default 10 s. */
  startTimeoutMs?: number;
  /** kcat to run; default: `kcat` on PATH. */
  kcatPath?: string;
}

export interface EmbeddedKafka {
  bootstrapServers: string[];
  /** The broker process (kcat; setpriv execs it), for tests that stall it with SIGSTOP / SIGCONT. */
  pid: number | undefined;
  stop(): Promise<void>;
}

const KEEPALIVE_TOPIC = '__keepalive';
const MAX_STDERR_CHARS = 16_384;
const log = createLogger('lambda_connect.standalone.kafka');

export async function startEmbeddedKafka(options: EmbeddedKafkaOptions = {}): Promise<EmbeddedKafka> {
  const kcat = options.kcatPath ?? findExecutable('kcat');
  if (kcat === undefined) throw missingKcatError();
  const kcatArgs = ['-C', '-q', '-b', 'mock:1', '-t', KEEPALIVE_TOPIC, '-X', `test.mock.num.brokers=${options.brokers ?? 3}`];
  const setpriv = process.platform === 'linux' ? findExecutable('setpriv') : undefined;
  const child = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'KILL', kcat, ...kcatArgs], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(kcat, kcatArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  let stopping = false;
  try {
    const bootstrapServers = await waitForNotice(child, options.startTimeoutMs ?? 10_000);
    child.once('exit', (code, signal) => {
      if (!stopping) log.error('The embedded Kafka broker (kcat) exited unexpectedly', { code, signal });
    });
    return {
      bootstrapServers,
      pid: child.pid,
      stop: async () => {
        stopping = true;
        process.off('exit', killOnExit);
        await terminate(child);
      },
    };
  } catch (err) {
    process.off('exit', killOnExit);
    await terminate(child);
    throw err;
  }
}

function waitForNotice(child: ChildProcess, timeoutMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const fail = (reason: string, cause?: unknown): void => {
      cleanup();
      const output = stderr.trim() === '' ? '(kcat printed nothing on stderr)' : `kcat's stderr:\n${stderr.trim()}`;
      reject(new StandaloneError('KAFKA_START_FAILED', `Could not start the embedded Kafka broker: ${reason}\n${output}`, { cause }));
    };
    const onData = (chunk: Buffer): void => {
      stderr = (stderr + chunk.toString()).slice(-MAX_STDERR_CHARS);
      const servers = parseMockClusterNotice(stderr);
      if (servers === undefined) return;
      cleanup();
      resolve(servers);
    };
    const onExit = (code: number | null, signal: string | null): void => fail(`kcat exited (code ${code}, signal ${signal}) before announcing the mock cluster`);
    const onError = (err: Error): void => fail(`kcat could not be run: ${err.message}`, err);
    const timer = setTimeout(() => fail(`kcat did not announce the mock cluster within ${timeoutMs} ms`), timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      child.stderr?.off('data', onData);
      // Keep draining stderr so that librdkafka never blocks on a full pipe.
      child.stderr?.resume();
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGCONT'); // a stalled broker (tests) must run to see the SIGTERM
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}
