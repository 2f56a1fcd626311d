/**
 * The admin port: what the runtime asks of the cluster besides producing — topic creation for
 * source connectors, offsets for the REST API and sink tasks, the cluster's identity. An adapter
 * (kafkajs-admin.ts) implements it and throws ConnectErrors with `retriable` set.
 */
import type { OffsetAndMetadata, TopicPartition } from './topic-partition';

/** Kafka's `NewTopic`. -1 (or absent) partitions / replication factor use the broker's defaults. */
export interface NewTopicSpec {
  readonly name: string;
  readonly partitions?: number;
  readonly replicationFactor?: number;
  /** Topic configs such as `cleanup.policy`. */
  readonly configs?: Readonly<Record<string, string>>;
}

/**
 * What createTopics did. `supported: false` means the brokers do not implement CreateTopics (the
 * embedded mock cluster) or refused us the right to use it; topics are then left to the broker's
 * auto-creation, as Kafka's TopicAdmin assumes in that case.
 */
export type CreateTopicsResult =
  | { readonly supported: true; readonly created: readonly string[]; readonly existing: readonly string[] }
  | { readonly supported: false; readonly reason: string };

export interface PartitionOffsets {
  readonly partition: number;
  /** The high watermark: the offset the next record will get. */
  readonly high: bigint;
  /** The log start offset. */
  readonly low: bigint;
}

export type TopicPartitionOffset = TopicPartition & OffsetAndMetadata;

export interface BrokerNode {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

export interface ClusterDescription {
  readonly clusterId: string;
  /** As the brokers report it; may name no listed broker (the mock reports 0). */
  readonly controllerId: number | null;
  readonly brokers: readonly BrokerNode[];
}

export interface AdminPort {
  createTopics(specs: readonly NewTopicSpec[]): Promise<CreateTopicsResult>;
  listTopics(): Promise<string[]>;
  /** Per partition, ordered by partition. */
  fetchTopicOffsets(topic: string): Promise<PartitionOffsets[]>;
  /** The group's committed offsets for these topics; partitions without a commit are left out. */
  fetchCommittedOffsets(groupId: string, topics: readonly string[]): Promise<TopicPartitionOffset[]>;
  /**
   * Commits offsets for a group that has no active members, by joining it with a consumer, committing
   * and leaving (the mock cluster lacks the admin APIs for this). Takes a few seconds: a group join.
   */
  commitGroupOffsets(groupId: string, offsets: readonly TopicPartitionOffset[]): Promise<void>;
  describeCluster(): Promise<ClusterDescription>;
  close(): Promise<void>;
}
