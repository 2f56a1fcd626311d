/** TopicStore in a Map of connector → set of topic names. */
import { compareStrings } from '#lib/store/compare-strings';
import type { TopicStore } from '#lib/store/types';

export function createMemoryTopicStore(): TopicStore {
  const byConnector = new Map<string, Set<string>>();

  return {
    async add(connector, topics) {
      if (topics.length === 0) return;
      const known = byConnector.get(connector) ?? new Set<string>();
      topics.forEach((topic) => known.add(topic));
      byConnector.set(connector, known);
    },

    async list(connector) {
      return [...(byConnector.get(connector) ?? [])].sort(compareStrings);
    },

    async reset(connector) {
      byConnector.delete(connector);
    },
  };
}
