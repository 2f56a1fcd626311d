/**
 * Which Kafka standalone mode uses: `KAFKA_BROKERS` if set, else the worker file's `bootstrap.servers`,
 * else an embedded mock cluster (which needs kcat; without it the error says how to install it).
 */
import { startEmbeddedKafka } from './embedded-kafka';

export type KafkaSource = 'KAFKA_BROKERS' | 'worker bootstrap.servers' | 'embedded';

export interface KafkaConnection {
  bootstrapServers: string[];
  source: KafkaSource;
  stop(): Promise<void>;
}

export async function connectKafka(env: Record<string, string | undefined>, worker: Record<string, string>): Promise<KafkaConnection> {
  const fromEnv = serverList(env.KAFKA_BROKERS);
  if (fromEnv.length > 0) return { bootstrapServers: fromEnv, source: 'KAFKA_BROKERS', stop: async () => undefined };
  const fromWorker = serverList(worker['bootstrap.servers']);
  if (fromWorker.length > 0) return { bootstrapServers: fromWorker, source: 'worker bootstrap.servers', stop: async () => undefined };
  const embedded = await startEmbeddedKafka();
  return { bootstrapServers: embedded.bootstrapServers, source: 'embedded', stop: embedded.stop };
}

function serverList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
