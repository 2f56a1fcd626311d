/**
 * AdminPort over kafkajs's admin client (and a short-lived consumer for group commits). Connects on
 * first use. CreateTopics runs one topic at a time so that the result says which topics were
 * created and which existed (kafkajs answers one boolean per call).
 */
import type { Admin, ITopicConfig } from 'kafkajs';
import type { AdminPort, CreateTopicsResult, NewTopicSpec, TopicPartitionOffset } from './admin-port';
import { createKafkaClient } from './kafkajs-client';
import { fromKafkajsError } from './kafkajs-errors';
import { commitAsGroupMember } from './kafkajs-group-commit';
import type { KafkaConnection } from './types';

export interface KafkaAdminOptions {
  /** How long CreateTopics may wait for the new topics' leaders. Default 30 s. */
  readonly createTimeoutMs?: number;
  /** How long commitGroupOffsets waits for its group join. Default 60 s. */
  readonly groupJoinTimeoutMs?: number;
}

const NOT_AUTHORIZED = new Set(['TOPIC_AUTHORIZATION_FAILED', 'CLUSTER_AUTHORIZATION_FAILED']);

export function createKafkaAdmin(connection: KafkaConnection, options: KafkaAdminOptions = {}): AdminPort {
  const kafka = createKafkaClient(connection);
  const admin = kafka.admin();
  let connecting: Promise<void> | undefined;

  async function call<T>(action: string, fn: (admin: Admin) => Promise<T>): Promise<T> {
    try {
      connecting ??= admin.connect().catch((err: unknown) => {
        connecting = undefined;
        throw err;
      });
      await connecting;
      return await fn(admin);
    } catch (err) {
      throw fromKafkajsError(err, action);
    }
  }

  return {
    async createTopics(specs): Promise<CreateTopicsResult> {
      const created: string[] = [];
      const existing: string[] = [];
      for (const spec of specs) {
        const outcome = await call(`Creating topic ${spec.name}`, (a) =>
          a.createTopics({ topics: [toTopicConfig(spec)], waitForLeaders: true, timeout: options.createTimeoutMs ?? 30_000 }).catch((err: unknown) => {
            const reason = unsupportedReason(err);
            if (reason === undefined) throw err;
            return reason;
          }),
        );
        if (typeof outcome === 'string') return { supported: false, reason: outcome };
        (outcome ? created : existing).push(spec.name);
      }
      return { supported: true, created, existing };
    },
    listTopics: () => call('Listing topics', async (a) => (await a.listTopics()).sort()),
    fetchTopicOffsets: (topic) =>
      call(`Fetching the offsets of topic ${topic}`, async (a) =>
        (await a.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, high: BigInt(p.high), low: BigInt(p.low) })).sort((x, y) => x.partition - y.partition),
      ),
    fetchCommittedOffsets: (groupId, topics) =>
      call(`Fetching the committed offsets of group ${groupId}`, async (a) => {
        const out: TopicPartitionOffset[] = [];
        for (const { topic, partitions } of await a.fetchOffsets({ groupId, topics: [...topics] })) {
          for (const p of [...partitions].sort((x, y) => x.partition - y.partition)) {
            if (BigInt(p.offset) < 0n) continue;
            out.push({ topic, partition: p.partition, offset: BigInt(p.offset), ...(p.metadata ? { metadata: p.metadata } : {}) });
          }
        }
        return out;
      }),
    commitGroupOffsets: (groupId, offsets) =>
      call(`Committing offsets for group ${groupId}`, () => commitAsGroupMember(kafka, groupId, offsets, options.groupJoinTimeoutMs ?? 60_000)),
    describeCluster: () =>
      call('Describing the cluster', async (a) => {
        const { clusterId, controller, brokers } = await a.describeCluster();
        return { clusterId, controllerId: controller ?? null, brokers: brokers.map(({ nodeId, host, port }) => ({ nodeId, host, port })) };
      }),
    async close() {
      if (connecting === undefined) return;
      await connecting.catch(() => undefined);
      await admin.disconnect();
    },
  };
}

function toTopicConfig(spec: NewTopicSpec): ITopicConfig {
  return {
    topic: spec.name,
    numPartitions: spec.partitions ?? -1,
    replicationFactor: spec.replicationFactor ?? -1,
    configEntries: Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value })),
  };
}

/** Why CreateTopics cannot be used at all, or undefined for any other failure. */
function unsupportedReason(err: unknown): string | undefined {
  const e = err as { name?: unknown; type?: unknown; errors?: { type?: unknown }[] };
  if (e?.name === 'KafkaJSServerDoesNotSupportApiKey') return 'the brokers do not support the CreateTopics API';
  const types = [e?.type, ...(Array.isArray(e?.errors) ? e.errors.map((inner) => inner.type) : [])];
  if (types.some((t) => typeof t === 'string' && NOT_AUTHORIZED.has(t))) return 'not authorized to create topics';
  return undefined;
}
