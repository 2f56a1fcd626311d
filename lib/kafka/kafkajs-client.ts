/** The one place a kafkajs `Kafka` client is built: our patches applied, our logger, our timeouts, our TLS and SASL. */
import { Kafka } from './kafkajs';
import type { KafkaConfig, RetryOptions } from 'kafkajs';
import type { KafkaSecurity } from './auth/kafka-security';
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
    ...kafkajsSecurity(connection.security),
    logLevel: kafkajsLogLevel(),
    logCreator: kafkajsLogCreator,
  });
}

/** Our security settings as kafkajs options: `ssl` (true, or the client certificate / CA), `sasl`. */
export function kafkajsSecurity(security: KafkaSecurity | undefined): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const out: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  const tls = security?.tls;
  if (tls) {
    const options = Object.fromEntries(Object.entries(tls).filter(([, value]) => value !== undefined));
    out.ssl = Object.keys(options).length === 0 ? true : options;
  }
  const sasl = security?.sasl;
  if (sasl?.mechanism === 'oauthbearer') {
    const token = sasl.token;
    out.sasl = { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await token() }) };
  } else if (sasl?.mechanism === 'scram-sha-256') {
    out.sasl = { mechanism: 'scram-sha-256', username: sasl.username, password: sasl.password };
  } else if (sasl?.mechanism === 'scram-sha-512') {
    out.sasl = { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password };
  }
  return out;
}
