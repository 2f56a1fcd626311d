/**
 * Our small port over the Kafka client. The control plane only needs the cluster's identity; the
 * source and sink runners extend this port with producing, consuming and offset commits.
 */
import type { KafkaSecurity } from './auth/kafka-security';

export interface KafkaConnection {
  brokers: string[];
  clientId?: string;
  /** Milliseconds to wait for a connection before giving up. */
  connectionTimeoutMs?: number;
  /** TLS and SASL (lib/kafka/auth); absent: plaintext without authentication. */
  security?: KafkaSecurity;
}

export interface KafkaClusterPort {
  /** The cluster id the brokers report (Metadata v2+). */
  clusterId(): Promise<string>;
  close(): Promise<void>;
}

export type { ConsumerRecord } from './consumer-record';
export type { ProducerPort, ProducerRecord, RecordHeader, RecordMetadata } from './producer-port';
export type { OffsetAndMetadata, TopicPartition } from './topic-partition';
export type { AdminPort, ClusterDescription, CreateTopicsResult, NewTopicSpec, PartitionOffsets, TopicPartitionOffset } from './admin-port';
