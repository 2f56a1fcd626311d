/**
 * The mappings a sink connector should have, from its stored record (docs/sink-tasks.md, "Event
 * source mappings"):
 * - one per topic of `topics`, or per existing topic matching `topics.regex` (resolved against the
 *   cluster's topic list at reconcile time: a topic created later is picked up by the next
 *   reconcile — a config change, resume, restart or the periodic reconcile);
 * - BatchSize from `consumer.override.max.poll.records` (Kafka's consumer default: 500),
 *   MaximumBatchingWindowInSeconds from `consumer.override.fetch.max.wait.ms` rounded up to seconds
 *   (default 0.5 s → 1 s; at most 300);
 * - enabled only while the connector is STARTED and none of its tasks is FAILED.
 */
import type { ConnectorRecord, StatusRecord } from '#lib/store/types';
import { aliasFor, groupIdFor } from '../mapping-names';
import type { DesiredSinkMapping } from './mapping-port';

export const BATCH_SIZE_KEY = 'consumer.override.max.poll.records';
export const BATCHING_WINDOW_KEY = 'consumer.override.fetch.max.wait.ms';
const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_FETCH_WAIT_MS = 500;
/** ESM limits for Kafka sources: BatchSize 1..10000, batching window 0..300 s. */
const MAX_BATCH_SIZE = 10_000;
const MAX_WINDOW_SECONDS = 300;

export function sinkTopics(config: Readonly<Record<string, string>>, existingTopics: readonly string[]): string[] {
  const listed = (config.topics ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (listed.length > 0) return [...new Set(listed)].sort();
  const regex = config['topics.regex']?.trim();
  if (!regex) return [];
  const pattern = new RegExp(`^(?:${regex})$`);
  return existingTopics.filter((t) => pattern.test(t)).sort();
}

export function desiredMappings(record: ConnectorRecord, taskStatuses: readonly StatusRecord[], existingTopics: readonly string[]): DesiredSinkMapping[] {
  const topics = sinkTopics(record.config, existingTopics);
  const failed = taskStatuses.some((s) => s.state === 'FAILED' && s.incarnation === record.incarnation && s.generation === record.generation);
  const enabled = record.targetState === 'STARTED' && record.taskConfigs.length > 0 && !failed;
  const alias = aliasFor(record.name);
  return topics.map((topic) => ({
    alias,
    topic,
    groupId: groupIdFor(record.name, topic, topics.length),
    batchSize: clamp(intOf(record.config[BATCH_SIZE_KEY], DEFAULT_BATCH_SIZE), 1, MAX_BATCH_SIZE),
    batchingWindowSeconds: clamp(Math.ceil(intOf(record.config[BATCHING_WINDOW_KEY], DEFAULT_FETCH_WAIT_MS) / 1000), 0, MAX_WINDOW_SECONDS),
    enabled,
  }));
}

function intOf(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) ? value : fallback;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
