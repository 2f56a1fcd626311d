/**
 * The topics of one window: created (KIP-158) before the first record is sent to them, and recorded
 * for `GET /connectors/{name}/topics` (KIP-558) after the first record reached them. Each topic costs
 * one call per window; the store write is idempotent, so the next window repeating it is harmless.
 */
import type { TopicStore } from '#lib/store/types';
import type { TopicCreator } from './types';

export interface TopicTracker {
  beforeSend(topics: readonly string[]): Promise<void>;
  afterSend(topics: readonly string[]): Promise<void>;
}

export interface TopicTrackerOptions {
  connector: string;
  topics: Pick<TopicStore, 'add'>;
  trackingEnabled: boolean;
  /** Built on the first send, so a bad `topic.creation.*` config fails the task, not the claim. */
  creator?: () => TopicCreator;
}

export function createTopicTracker(options: TopicTrackerOptions): TopicTracker {
  const created = new Set<string>();
  let creator: TopicCreator | undefined;
  const recorded = new Set<string>();
  const unseen = (topics: readonly string[], seen: Set<string>): string[] => [...new Set(topics)].filter((topic) => !seen.has(topic));
  return {
    async beforeSend(topics) {
      const fresh = unseen(topics, created);
      if (fresh.length === 0 || options.creator === undefined) return;
      creator ??= options.creator();
      await creator.ensureTopics(fresh);
      fresh.forEach((topic) => created.add(topic));
    },
    async afterSend(topics) {
      const fresh = unseen(topics, recorded);
      if (fresh.length === 0 || !options.trackingEnabled) return;
      await options.topics.add(options.connector, fresh);
      fresh.forEach((topic) => recorded.add(topic));
    },
  };
}
