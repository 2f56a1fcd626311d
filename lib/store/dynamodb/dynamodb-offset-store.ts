/**
 * OffsetStore on the state table. A put of several partitions is a batch of independent single-item
 * writes (dynalite has no transactions); each partition's offset is atomic, as Kafka guarantees per record.
 * Fenced writes (task runners) are one conditional PutItem per partition, since BatchWriteItem takes
 * no conditions.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { compareStrings } from '#lib/store/compare-strings';
import { decodeJsonMap, encodeJsonMap } from '#lib/store/json/json-map';
import type { FencedOffsetStore, OffsetFence, OffsetStore } from '#lib/store/types';
import { ATTR } from '#lib/store/dynamodb/attributes';
import { batchWrite, type WriteOp } from '#lib/store/dynamodb/batch-write';
import { stringField } from '#lib/store/dynamodb/item-fields';
import { offsetsPk } from '#lib/store/dynamodb/keys';
import { partitionQuery } from '#lib/store/dynamodb/key-queries';
import { fenceCondition, withFence } from '#lib/store/dynamodb/offset-fence';
import { fromOffsetItem, offsetKey, toOffsetItem } from '#lib/store/dynamodb/offset-item';
import { queryAll } from '#lib/store/dynamodb/query-all';
import type { TableContext } from '#lib/store/dynamodb/table-context';
import { isConditionalCheckFailed, translateDynamoDbError } from '#lib/store/dynamodb/translate-error';

export function createDynamoDbOffsetStore(ctx: TableContext): OffsetStore & FencedOffsetStore {
  const { doc, tableName } = ctx;

  /** True when written, false when a newer fence holds the partition. */
  async function putOneFenced(connector: string, partitionJson: string, offsetJson: string, fence: OffsetFence): Promise<boolean> {
    const item = withFence(toOffsetItem(connector, partitionJson, offsetJson), fence);
    try {
      await doc.send(new PutCommand({ TableName: tableName, Item: item, ...fenceCondition(fence) }));
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw translateDynamoDbError(err, `committing offsets of ${connector}`);
    }
  }

  return {
    async list(connector) {
      const items = await queryAll(ctx, partitionQuery(offsetsPk(connector)), `reading offsets of ${connector}`);
      return items
        .map(fromOffsetItem)
        .sort((a, b) => compareStrings(a.partitionJson, b.partitionJson))
        .map(({ partition, offset }) => ({ partition, offset }));
    },

    async get(connector, partition) {
      const key = offsetKey(connector, encodeJsonMap(partition, 'Source partition'));
      try {
        const { Item: item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
        return item === undefined ? undefined : decodeJsonMap(stringField(item, ATTR.offset));
      } catch (err) {
        throw translateDynamoDbError(err, `reading an offset of ${connector}`);
      }
    },

    async put(connector, entries) {
      // Encoded up front: one unstorable entry fails the call before anything is written.
      const ops: WriteOp[] = entries.map(({ partition, offset }) => {
        const partitionJson = encodeJsonMap(partition, 'Source partition');
        if (offset === null) return { delete: offsetKey(connector, partitionJson) };
        return { put: toOffsetItem(connector, partitionJson, encodeJsonMap(offset, 'Source offset')) };
      });
      await batchWrite(ctx, ops, `writing offsets of ${connector}`);
    },

    async putFenced(connector, entries, fence) {
      const encoded = entries.map(({ partition, offset }) => ({
        partition,
        partitionJson: encodeJsonMap(partition, 'Source partition'),
        offsetJson: encodeJsonMap(offset, 'Source offset'),
      }));
      const written = await Promise.all(encoded.map((e) => putOneFenced(connector, e.partitionJson, e.offsetJson, fence)));
      return encoded.filter((_, i) => !written[i]).map((e) => e.partition);
    },

    async deleteAll(connector) {
      const keys = await queryAll(ctx, partitionQuery(offsetsPk(connector), true), `listing offsets of ${connector}`);
      await batchWrite(ctx, keys.map((key) => ({ delete: key })), `deleting offsets of ${connector}`);
    },
  };
}
