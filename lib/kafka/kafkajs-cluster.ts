/** KafkaClusterPort over kafkajs's admin client. */
import { Kafka, logLevel } from './kafkajs';
import { RetriableError } from '#lib/errors';
import { kafkajsSecurity } from './kafkajs-client';
import type { KafkaClusterPort, KafkaConnection } from './types';

export function createKafkaCluster(connection: KafkaConnection): KafkaClusterPort {
  const kafka = new Kafka({
    brokers: connection.brokers,
    clientId: connection.clientId ?? 'lambda-connect',
    connectionTimeout: connection.connectionTimeoutMs ?? 3000,
    retry: { retries: 2 },
    ...kafkajsSecurity(connection.security),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;

  return {
    async clusterId() {
      try {
        connected ??= admin.connect();
        await connected;
        return (await admin.describeCluster()).clusterId;
      } catch (err) {
        connected = undefined;
        throw new RetriableError(`Could not reach Kafka at ${connection.brokers.join(',')}: ${(err as Error).message}`, { cause: err });
      }
    },
    async close() {
      if (connected) await admin.disconnect();
    },
  };
}
