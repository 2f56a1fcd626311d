/**
 * KIP-875 for sink connectors whose offsets live in their mappings' consumer groups: alter or reset
 * them while the connector is STOPPED (its mappings disabled, so the groups have no members). The
 * broker's group admin APIs may be missing (local-stack.md), so offsets are committed by a consumer
 * that joins the group; a reset commits the log start offsets (low watermarks), which re-delivers
 * everything still in the topic, as deleting the group would.
 */
import type { AdminPort, TopicPartitionOffset } from '#lib/kafka/admin-port';
import type { ConnectorRecord, OffsetEntry, OffsetStore } from '#lib/store/types';
import { groupIdFor } from '../mapping-names';
import { sinkTopics } from './desired-mappings';

type OffsetChange = { partition: Record<string, unknown>; offset: Record<string, unknown> | null };

export async function alterSinkGroupOffsets(admin: AdminPort, record: ConnectorRecord, entries: readonly OffsetChange[]): Promise<void> {
  const topics = await topicsOf(admin, record);
  const byGroup = new Map<string, TopicPartitionOffset[]>();
  for (const { partition, offset } of entries) {
    const topic = String(partition.kafka_topic);
    const p = Number(partition.kafka_partition);
    const next = offset === null ? await lowWatermark(admin, topic, p) : BigInt(offset.kafka_offset as number | bigint);
    const group = groupIdFor(record.name, topic, Math.max(topics.length, 1));
    byGroup.set(group, [...(byGroup.get(group) ?? []), { topic, partition: p, offset: next }]);
  }
  for (const [group, offsets] of byGroup) await admin.commitGroupOffsets(group, offsets);
}

export async function resetSinkGroupOffsets(admin: AdminPort, record: ConnectorRecord, stored: readonly OffsetEntry[]): Promise<void> {
  const topics = new Set([...(await topicsOf(admin, record)), ...stored.map((e) => String(e.partition.kafka_topic))]);
  const count = (await topicsOf(admin, record)).length;
  for (const topic of topics) {
    const offsets = (await admin.fetchTopicOffsets(topic)).map((o) => ({ topic, partition: o.partition, offset: o.low }));
    if (offsets.length > 0) await admin.commitGroupOffsets(groupIdFor(record.name, topic, Math.max(count, 1)), offsets);
  }
}

/**
 * Commits the connector's recorded progress on `topic` (the next offsets the sink runtime stores
 * after each flush) to `group`, before a mapping is created under that new group. Partitions without
 * recorded progress are left to the mapping's StartingPosition.
 */
export async function carrySinkOffsets(admin: AdminPort, offsets: Pick<OffsetStore, 'list'>, connector: string, topic: string, group: string): Promise<void> {
  const progress = (await offsets.list(connector))
    .filter((e) => e.partition.kafka_topic === topic && e.offset !== null && e.offset.kafka_offset !== undefined)
    .map((e) => ({ topic, partition: Number(e.partition.kafka_partition), offset: BigInt(e.offset?.kafka_offset as number | bigint) }));
  if (progress.length > 0) await admin.commitGroupOffsets(group, progress);
}

async function topicsOf(admin: AdminPort, record: ConnectorRecord): Promise<string[]> {
  const regex = !record.config.topics?.trim() && Boolean(record.config['topics.regex']);
  return sinkTopics(record.config, regex ? await admin.listTopics() : []);
}

async function lowWatermark(admin: AdminPort, topic: string, partition: number): Promise<bigint> {
  return (await admin.fetchTopicOffsets(topic)).find((o) => o.partition === partition)?.low ?? 0n;
}
