/**
 * The broker a Kafka bench writes to: KAFKA_BROKERS (comma-separated) when set, else an embedded
 * mock cluster (kcat) started here. The embedded broker is moved off CPU 0, where run.ts pins the
 * measuring process, so that the two do not share a core; the CPU rates count only this process.
 */
import { spawnSync } from 'node:child_process';
import { cpus as cpuList } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { startEmbeddedKafka } from '#lib/standalone/embedded-kafka';

export interface BenchBroker {
  readonly brokers: string[];
  /** Where the broker is, for the rows' notes. */
  readonly description: string;
  stop(): Promise<void>;
}

/** The broker, or a sentence saying why there is none (kcat missing and no KAFKA_BROKERS). */
export async function startBenchBroker(): Promise<BenchBroker | string> {
  const configured = process.env.KAFKA_BROKERS?.split(',').map((b) => b.trim()).filter((b) => b !== '');
  if (configured !== undefined && configured.length > 0) return { brokers: configured, description: `KAFKA_BROKERS=${configured.join(',')}`, stop: async () => undefined };
  const before = new Set(childPids());
  try {
    const embedded = await startEmbeddedKafka();
    const moved = childPids().filter((pid) => !before.has(pid)).map(unpin).some(Boolean);
    return { brokers: embedded.bootstrapServers, description: `embedded mock cluster${moved ? ' on the other CPUs' : ''}`, stop: () => embedded.stop() };
  } catch (err) {
    return `no broker: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
}

function childPids(): number[] {
  if (process.platform !== 'linux') return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may contain spaces) start with state, then the parent pid.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function unpin(pid: number): boolean {
  const cpus = cpuList().length; // all CPUs, not just those this (pinned) process may use
  if (cpus < 2) return false;
  return spawnSync('taskset', ['-a', '-p', '-c', `1-${cpus - 1}`, String(pid)], { stdio: 'ignore' }).status === 0;
}
