/** TopicStore on the state table; adding a known topic rewrites the same item, hence idempotent. */
import { compareStrings } from '#lib/store/compare-strings';
import type { TopicStore } from '#lib/store/types';
import { batchWrite } from '#lib/store/dynamodb/batch-write';
import { TOPIC_SK_PREFIX, connectorPk } from '#lib/store/dynamodb/keys';
import { prefixQuery } from '#lib/store/dynamodb/key-queries';
import { queryAll } from '#lib/store/dynamodb/query-all';
import type { TableContext } from '#lib/store/dynamodb/table-context';
import { topicOf, toTopicItem } from '#lib/store/dynamodb/topic-item';

export function createDynamoDbTopicStore(ctx: TableContext): TopicStore {
  return {
    async add(connector, topics) {
      await batchWrite(ctx, topics.map((topic) => ({ put: toTopicItem(connector, topic) })), `recording topics of ${connector}`);
    },

    async list(connector) {
      const items = await queryAll(ctx, prefixQuery(connectorPk(connector), TOPIC_SK_PREFIX), `reading topics of ${connector}`);
      return items.map(topicOf).sort(compareStrings);
    },

    async reset(connector) {
      const keys = await queryAll(ctx, prefixQuery(connectorPk(connector), TOPIC_SK_PREFIX, true), `listing topics of ${connector}`);
      await batchWrite(ctx, keys.map((key) => ({ delete: key })), `resetting topics of ${connector}`);
    },
  };
}
