/** The one place a kafkajs `Kafka` client is built: our patches applied, our logger, our timeouts. */
import { Kafka, type RetryOptions } from 'kafkajs';
import { kafkajsLogCreator, kafkajsLogLevel } from './kafkajs-log';
import { applyKafkajsPatches } from './kafkajs-patches';
import type { KafkaConnection } from './types';

export interface KafkaClientOptions {
  clientId?: string;
  requestTimeoutMs?: number;
  retry?: RetryOptions;
}

export function createKafkaClient(connection: KafkaConnection, options: KafkaClientOptions = {}): Kafka {
  applyKafkajsPatches();
  return new Kafka({
    brokers: connection.brokers,
    clientId: options.clientId ?? connection.clientId ?? 'lambda-connect',
    connectionTimeout: connection.connectionTimeoutMs ?? 3000,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeout: options.requestTimeoutMs }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    logLevel: kafkajsLogLevel(),
    logCreator: kafkajsLogCreator,
  });
}
